import { describe, expect, it } from 'vitest';
import { formatAmount, prefectureName } from './format';

describe('jobs formatting', () => {
  it('writes a monthly amount in whole units of its currency, as each language does', () => {
    expect(formatAmount(25_000_000, 'VND', 'vi')).toBe('25.000.000\u00a0₫');
    expect(formatAmount(220_000, 'JPY', 'ja')).toBe('￥220,000');
    expect(formatAmount(1_500, 'USD', 'en')).toBe('US$1,500');
  });

  it('names a prefecture in Japanese for Japanese readers, romanised for the others', () => {
    expect(prefectureName('43', 'ja')).toBe('熊本県');
    expect(prefectureName('43', 'vi')).toBe('Kumamoto');
    expect(prefectureName('99', 'en')).toBe('99');
  });
});
