export const locales = ['vi', 'en', 'ja'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (locales as readonly string[]).includes(v);

/** Intl tags used for dates, numbers and currency. Time zone is always Vietnam's. */
export const intlTag: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB', ja: 'ja-JP' };
export const timeZone = 'Asia/Ho_Chi_Minh';
