import { describe, expect, it } from 'vitest';
import {
  formatCompactLong,
  formatCountry,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from './format';

// Intl separates number and symbol with (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it('groups digits the way each language does', () => {
    expect(formatNumber(71_500, 'vi')).toBe('71.500');
    expect(formatNumber(71_500, 'en')).toBe('71,500');
    expect(formatNumber(71_500, 'ja')).toBe('71,500');
  });
});

describe('formatMoney', () => {
  it('shows yen and dong without minor digits', () => {
    expect(plain(formatMoney(300_000_000, 'JPY', 'vi'))).toBe('300.000.000 ¥');
    expect(formatMoney(300_000_000, 'JPY', 'en')).toBe('JP¥300,000,000');
    expect(formatMoney(300_000_000, 'JPY', 'ja')).toBe('￥300,000,000');
    expect(plain(formatMoney(50_000_000_000, 'VND', 'vi'))).toBe('50.000.000.000 ₫');
  });

  it('reads US dollars as cents', () => {
    expect(formatMoney(123_456, 'USD', 'en')).toBe('US$1,234.56');
    expect(plain(formatMoney(123_456, 'USD', 'vi'))).toBe('1.234,56 US$');
    expect(formatMoney(5, 'USD', 'ja')).toBe('$0.05');
  });

  it('has a compact form for large amounts', () => {
    expect(formatMoney(300_000_000, 'JPY', 'ja', { compact: true })).toBe('￥3億');
    expect(formatMoney(200_000_000, 'USD', 'en', { compact: true })).toBe('US$2m');
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => formatMoney(1.5, 'VND', 'vi')).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('are shown in Vietnam time, whatever the device zone', () => {
    // 17:30 UTC on 30 June is already 1 July in Hà Nội (UTC+7).
    const instant = '2025-06-30T17:30:00Z';
    expect(formatDate(instant, 'vi')).toBe('01/07/2025');
    expect(formatDate(instant, 'en')).toBe('01/07/2025');
    expect(formatDate(instant, 'ja')).toBe('2025/07/01');
    expect(plain(formatDateTime(instant, 'en'))).toBe('01/07/2025, 00:30');
    expect(formatDateTime(instant, 'ja')).toBe('2025/07/01 00:30');
  });

  it('have a long form with the month name', () => {
    expect(formatDate('2025-07-01', 'en', 'long')).toBe('1 July 2025');
    expect(formatDate('2025-07-01', 'ja', 'long')).toBe('2025年7月1日');
    expect(formatDate('2025-07-01', 'vi', 'long')).toBe('1 tháng 7, 2025');
  });
});

describe('formatCompactLong', () => {
  it('says large amounts in words', () => {
    expect(formatCompactLong(2_000_000, 'vi')).toBe('2 triệu');
    expect(formatCompactLong(50_000_000_000, 'vi')).toBe('50 tỷ');
    expect(formatCompactLong(2_000_000, 'en')).toBe('2 million');
    expect(formatCompactLong(2_000_000, 'ja')).toBe('200万');
  });
});

describe('formatCountry', () => {
  it('names a country in the reader’s language', () => {
    expect(formatCountry('JP', 'vi')).toBe('Nhật Bản');
    expect(formatCountry('JP', 'en')).toBe('Japan');
    expect(formatCountry('JP', 'ja')).toBe('日本');
  });
});
