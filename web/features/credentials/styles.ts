/** Mantine styles of the certificate pages. */
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/List.layer.css';
