/** Success and info toasts (`notifications.show`). Loaded after the first render: see main.tsx. */
import '@mantine/core/styles/Notification.layer.css';
import '@mantine/notifications/styles.layer.css';
import { Notifications } from '@mantine/notifications';

export default function Toasts() {
  return <Notifications position="top-center" limit={3} />;
}
