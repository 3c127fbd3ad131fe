/** Mantine styles of the event pages only; Vite emits them with their chunks, not the first load. */
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Table.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/Fieldset.layer.css';
import '@mantine/core/styles/Divider.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import './events.css';
