/**
 * Success and info toasts (`notifications.show`). Loaded after the first render: see main.tsx.
 * On a phone they appear at the bottom, so they never cover the header (language, navigation); every
 * toast closes by itself after a few seconds.
 */
import '@mantine/core/styles/Notification.layer.css';
import '@mantine/notifications/styles.layer.css';
import { MantineThemeProvider } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

export default function Toasts() {
  const { t } = useTranslation();
  // Mantine's `sm` breakpoint (48em): below it the header wraps over two lines.
  const phone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  // Every toast's × gets a name in the reader's language (Mantine's has none).
  const theme = {
    components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } } },
  };
  return (
    <MantineThemeProvider theme={theme} inherit>
      <Notifications position={phone ? 'bottom-center' : 'bottom-right'} limit={3} autoClose={4000} />
    </MantineThemeProvider>
  );
}
