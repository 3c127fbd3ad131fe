/**
 * Server-side translation: error messages and e-mails. The texts live in common/i18n/messages so the
 * words a user reads never live in code.
 */
import { createInstance } from 'i18next';
import { defaultLocale, isLocale, type Locale, locales } from '../../common/i18n/locales';
import en from '../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../common/i18n/messages/vi.json' with { type: 'json' };

const i18n = createInstance();
await i18n.init({
  resources: { vi: { translation: vi }, en: { translation: en }, ja: { translation: ja } },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

// The web app types i18next's keys with its own resources; the server's keys are its own, checked by tests.
const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return t(key, { lng: locale, ...params });
}

/** The language a request wants: explicit cookie, then the account's, then Accept-Language, then vi. */
export function pickLocale(
  cookie: string | undefined,
  userLocale: string | undefined,
  acceptLanguage?: string,
): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(userLocale)) return userLocale;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(';')[0]?.slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

export { locales };
