/**
 * Formatting of numbers, money and dates for the user's language. Dates are always shown in Vietnam's
 * time zone (Asia/Ho_Chi_Minh), whatever the device's zone. Money is an integer of minor units with
 * its currency, as everywhere in the platform.
 */
import { intlTag, type Locale, timeZone } from '../../../common/i18n/locales';

export type Currency = 'VND' | 'JPY' | 'USD';

/** Digits after the decimal point of each currency's minor unit (ISO 4217). */
export const minorDigits: Record<Currency, number> = { VND: 0, JPY: 0, USD: 2 };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(intlTag[locale], options)).format(value);
}

export interface MoneyOptions {
  /** Short form for large amounts: "¥300M", "3億円". */
  compact?: boolean;
}

export function formatMoney(
  minorUnits: number,
  currency: Currency,
  locale: Locale,
  { compact = false }: MoneyOptions = {},
): string {
  if (!Number.isInteger(minorUnits))
    throw new RangeError(`money must be an integer of minor units: ${minorUnits}`);
  const digits = minorDigits[currency];
  const amount = minorUnits / 10 ** digits;
  const options: Intl.NumberFormatOptions = compact
    ? { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits };
  return formatNumber(amount, locale, options);
}

/**
 * A large amount in words, the way people say it: "2 triệu", "50 tỷ" (vi), "2 million" (en), "200万" (ja).
 * The currency goes in the sentence around it ("khoảng 2 triệu USD"), which reads better than the short
 * compact forms "2 Tr US$" / "50 T ₫".
 */
export function formatCompactLong(value: number, locale: Locale): string {
  return formatNumber(value, locale, {
    notation: 'compact',
    compactDisplay: 'long',
    maximumFractionDigits: 1,
  });
}

/** A country's name in the reader's language, from its ISO 3166 code ("JP" → "Nhật Bản"). */
export function formatCountry(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([intlTag[locale]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** A calendar date in Vietnam: "01/07/2025", "01/07/2025" (en-GB), "2025/07/01". */
export function formatDate(value: string | Date, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone, year: 'numeric', month: 'long', day: 'numeric' }
      : { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' };
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(intlTag[locale], options)).format(
    toDate(value),
  );
}

/** A moment in Vietnam's time, to the minute. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return cached(
    `dt|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlTag[locale], {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(toDate(value));
}

/** A time of day in Vietnam, to the second: "14:05:09". */
export function formatTime(value: string | Date, locale: Locale): string {
  return cached(
    `t|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlTag[locale], {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(toDate(value));
}
