/**
 * Translations of the web app. Vietnamese is the default and ships in the main bundle (it is also the
 * fallback for any missing key); English and Japanese are fetched only when chosen.
 *
 * The chosen language is remembered in localStorage and mirrored in the `nl_lang` cookie, which the
 * server reads to localise API error messages. `<html lang>` follows the language.
 */
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, isLocale, type Locale, locales } from '../../common/i18n/locales';
import vi from './vi.json';

export const LANG_STORAGE_KEY = 'nl_lang';
export const LANG_COOKIE = 'nl_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof vi };
  }
}

const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load =
      language === 'en'
        ? import('./en.json')
        : language === 'ja'
          ? import('./ja.json')
          : Promise.resolve({ default: vi });
    load.then((m) => callback(null, m.default)).catch((error: Error) => callback(error, false));
  },
};

function readLangCookie(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)nl_lang=([^;]*)/);
  return match?.[1];
}

/** The language the user chose on this device, if any. */
export function storedLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked); the cookie still remembers.
  }
  const cookie = readLangCookie();
  return isLocale(cookie) ? cookie : undefined;
}

function writeCookie(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers we support
  document.cookie = `${LANG_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

/** Remember an explicit choice (localStorage and cookie). */
export function rememberLocale(locale: Locale) {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
  writeCookie(locale);
}

export const currentLocale = (): Locale =>
  isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : defaultLocale;

i18next.on('languageChanged', (lng) => {
  if (!isLocale(lng)) return;
  document.documentElement.lang = lng;
  // The server localises error messages from this cookie, so it always matches what the user reads.
  writeCookie(lng);
});

export const i18nReady = i18next
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    lng: storedLocale() ?? defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    load: 'languageOnly',
    resources: { vi: { translation: vi } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  });

export { i18next as i18n };
