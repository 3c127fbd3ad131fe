/** Money and places of the jobs pages, as plain functions (no React, no i18next). */
import type { Locale } from '../../../common/i18n/locales';
import { prefectures } from '../../../common/talent';
import type { JobCurrency } from '../../api/types';
import { formatNumber } from '../../components/ui/format';

/** A prefecture's name in the reader's language (Vietnamese readers use the romanised name). */
export function prefectureName(code: string, locale: Locale): string {
  const p = prefectures.find((x) => x.code === code);
  if (!p) return code;
  return locale === 'ja' ? p.ja : p.en;
}

/** Whole units of a currency, as the reader writes money: "25.000.000 ₫", "¥220,000", "US$1,500". */
export function formatAmount(amount: number, currency: JobCurrency, locale: Locale): string {
  return formatNumber(amount, locale, { style: 'currency', currency, maximumFractionDigits: 0 });
}
