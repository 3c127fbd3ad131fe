/**
 * The language picker in the header. The Select and its popover machinery (~28 kB gzipped) load
 * just after the first render, so they stay out of the first bundle; until then a look-alike
 * placeholder shows the current language.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';

const LanguageSelect = lazy(() => import('./LanguageSelect'));

export function LanguageSwitcher({ onChange }: { onChange: (locale: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <span className="lang-placeholder" aria-hidden="true">
          {t(`lang.${currentLocale()}`)}
        </span>
      }
    >
      <LanguageSelect onChange={onChange} />
    </Suspense>
  );
}
