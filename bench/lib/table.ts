/** Prints figures as a fixed-width table for the terminal and CI logs. */
import { type Figure, formatNumber } from './figure';

export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'unit', 'goal', 'baseline', 'ratio', 'result'];
  const rows = figures.map((f) => [
    f.name,
    formatNumber(f.value),
    f.unit,
    f.goal,
    f.baseline === null ? '' : formatNumber(f.baseline),
    f.ratio === null ? '' : f.ratio.toFixed(2),
    f.pass ? 'PASS' : 'FAIL',
  ]);
  // Numbers right-aligned, words left-aligned.
  const right = new Set([1, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
