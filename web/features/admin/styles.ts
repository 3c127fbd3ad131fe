/** Mantine styles only the admin pages use; Vite emits them with the admin chunks, not the first load. */
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/Switch.layer.css';
import '@mantine/core/styles/Table.layer.css';
import '@mantine/core/styles/Divider.layer.css';
import '@mantine/core/styles/Code.layer.css';
