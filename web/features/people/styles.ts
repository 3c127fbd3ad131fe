/** Mantine styles of the people pages only; Vite emits them with their chunk, not the first load. */
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Table.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
