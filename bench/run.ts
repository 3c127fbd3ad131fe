/**
 * `npm run bench [-- <prefix>…] [--strict] [--duration=N] [--warmup=N]`
 *
 * Runs the scenarios whose figures start with one of the prefixes (all without one), prints a table
 * and writes bench/results/latest.json. A missed goal shows FAIL but exits 0 unless --strict; a
 * scenario that crashes always makes the exit code non-zero.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Figure } from './lib/figure';
import type { BenchOptions, Scenario } from './lib/scenario';
import { formatTable } from './lib/table';
import { scenarios } from './scenarios';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

function positiveNumber(name: string, raw: string | undefined, fallback: number) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!(n >= 0)) throw new Error(`--${name} must be a number of seconds, got "${raw}"`);
  return n;
}

const overlaps = (scenario: Scenario, prefix: string) =>
  scenario.prefix.startsWith(prefix) || prefix.startsWith(scenario.prefix);

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      strict: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench -- [prefix…] [--strict] [--duration=seconds] [--warmup=seconds]\n');
    for (const s of scenarios) console.log(`  ${s.prefix.padEnd(12)} ${s.description}`);
    return 0;
  }
  const options: BenchOptions = {
    durationSeconds: positiveNumber('duration', values.duration, 10),
    warmupSeconds: positiveNumber('warmup', values.warmup, 2),
  };
  const prefixes = positionals;
  const selected = prefixes.length
    ? scenarios.filter((s) => prefixes.some((p) => overlaps(s, p)))
    : scenarios;
  if (selected.length === 0) {
    console.error(
      `no scenario matches ${prefixes.join(', ')}; known: ${scenarios.map((s) => s.prefix).join(', ')}`,
    );
    return 2;
  }

  const figures: Figure[] = [];
  const crashed: string[] = [];
  for (const scenario of selected) {
    console.error(`\n▶ ${scenario.prefix} ${scenario.description}`);
    const started = performance.now();
    try {
      const produced = await scenario.run({ options, log: (m) => console.error(`  ${m}`) });
      figures.push(
        ...produced.filter((f) => prefixes.length === 0 || prefixes.some((p) => f.name.startsWith(p))),
      );
      console.error(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      crashed.push(scenario.prefix);
      console.error(`  ✗ ${scenario.prefix} crashed:`, e);
    }
  }

  console.log(`\n${formatTable(figures)}\n`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}latest.json`, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`written to bench/results/latest.json`);

  const failed = figures.filter((f) => !f.pass);
  if (crashed.length) console.error(`crashed: ${crashed.join(', ')}`);
  if (failed.length)
    console.log(
      `goals missed: ${failed.map((f) => f.name).join(', ')}${values.strict ? '' : ' (not fatal without --strict)'}`,
    );
  if (crashed.length) return 1;
  return values.strict && failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
