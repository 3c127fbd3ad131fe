import { gradebookScenario } from '../../../bench/scenarios/gradebook';

const figs = await gradebookScenario.run({
  options: { durationSeconds: 1, warmupSeconds: 0 },
  log: (m) => console.log(m),
});
console.log(figs.map((f) => `${f.name} ${f.value} ${f.goal} ${f.pass}`).join('\n'));
process.exit(0);
