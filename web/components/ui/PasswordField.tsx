import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * Mantine's PasswordInput marks its inner input only with `data-invalid`; screen readers (and
 * useFocusFirstInvalid) need `aria-invalid`, so this adds it.
 */
export function PasswordField(props: PasswordInputProps & { 'data-testid'?: string }) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
