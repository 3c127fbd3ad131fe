/** Mantine styles of the account pages (password fields, badges); not needed by the home page. */
import '@mantine/core/styles/ActionIcon.layer.css';
import '@mantine/core/styles/PasswordInput.layer.css';
import '@mantine/core/styles/Badge.layer.css';
