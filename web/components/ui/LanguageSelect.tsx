import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../common/i18n/locales';
import { currentLocale } from '../../i18n';

/**
 * The language picker. A Mantine Select: the `data-testid="lang-switch"` input opens a listbox whose
 * options are each language's own name ("Tiếng Việt", "English", "日本語").
 */
export default function LanguageSelect({ onChange }: { onChange: (locale: string | null) => void }) {
  const { t } = useTranslation();
  const data = locales.map((value) => ({ value, label: t(`lang.${value}`) }));
  return (
    <Select
      data={data}
      value={currentLocale()}
      onChange={onChange}
      allowDeselect={false}
      checkIconPosition="right"
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      size="xs"
      w={124}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
    />
  );
}
