import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> · Nhân Lực" in the current language. */
export function usePageTitle(page: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.titleTemplate', { page }) : t('app.name');
  }, [page, t]);
}
