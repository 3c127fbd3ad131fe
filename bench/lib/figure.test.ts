import { describe, expect, it } from 'vitest';
import { figure, formatNumber, meetsGoal } from './figure';
import { formatTable } from './table';

describe('figure', () => {
  it('derives ratio and verdict from the baseline and the goal', () => {
    const f = figure({
      name: 'http.organisations.rps',
      value: 4000,
      unit: 'req/s',
      baseline: 20000,
      goal: { op: '>=', target: 1000 },
    });
    expect(f).toEqual({
      name: 'http.organisations.rps',
      value: 4000,
      unit: 'req/s',
      goal: '>= 1000 req/s',
      baseline: 20000,
      ratio: 0.2,
      pass: true,
    });
  });

  it('writes goals the way people read them', () => {
    expect(
      figure({ name: 'a.ratio', value: 0.39, unit: 'ratio', goal: { op: '>=', target: 0.4 } }).goal,
    ).toBe('>= 0.40');
    expect(figure({ name: 'a.p99_ms', value: 12, unit: 'ms', goal: { op: '<', target: 50 } }).goal).toBe(
      '< 50 ms',
    );
  });

  it('fails a missed goal and a NaN, passes an informational figure', () => {
    expect(
      figure({ name: 'a.ratio', value: 0.39, unit: 'ratio', goal: { op: '>=', target: 0.4 } }).pass,
    ).toBe(false);
    expect(figure({ name: 'a.ms', value: Number.NaN, unit: 'ms', goal: { op: '<', target: 50 } }).pass).toBe(
      false,
    );
    const info = figure({ name: 'http.hello.rps', value: 21000, unit: 'req/s' });
    expect(info).toMatchObject({ goal: '—', baseline: null, ratio: null, pass: true });
  });

  it('has no ratio against a zero baseline', () => {
    expect(figure({ name: 'a.rps', value: 5, unit: 'req/s', baseline: 0 }).ratio).toBeNull();
  });

  it('compares at the boundary as the operator says', () => {
    expect(meetsGoal(50, { op: '<', target: 50 })).toBe(false);
    expect(meetsGoal(50, { op: '<=', target: 50 })).toBe(true);
    expect(meetsGoal(0.4, { op: '>=', target: 0.4 })).toBe(true);
    expect(meetsGoal(0.4, { op: '>', target: 0.4 })).toBe(false);
  });
});

describe('formatNumber and formatTable', () => {
  it('keeps integers whole and rounds the rest by magnitude', () => {
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(0.4567)).toBe('0.46');
    expect(formatNumber(42.25)).toBe('42.3');
    expect(formatNumber(1234.5)).toBe('1235');
  });

  it('prints one row per figure with PASS or FAIL', () => {
    const table = formatTable([
      figure({ name: 'startup.cold_start_ms', value: 1200, unit: 'ms', goal: { op: '<', target: 5000 } }),
      figure({
        name: 'http.organisations.rps_ratio',
        value: 0.3,
        unit: 'ratio',
        goal: { op: '>=', target: 0.4 },
      }),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^startup\.cold_start_ms\s+1200\s+ms\s+< 5000 ms\s+PASS$/);
    expect(lines[3]).toMatch(/FAIL$/);
  });
});
