/** Small helpers shared by the forms: required fields, API field errors, focus on the first problem. */
import { type RefObject, useEffect } from 'react';
import { fieldError } from '../../api/client';

/** Client-side "required" check; everything else is validated by the server against the contract. */
export function missingFields<T extends Record<string, unknown>>(
  values: T,
  fields: (keyof T)[],
  message: string,
) {
  const errors: Partial<Record<keyof T, string>> = {};
  for (const field of fields) {
    const value = values[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      errors[field] = message;
    }
  }
  return errors;
}

export const hasErrors = (errors: Record<string, unknown>) => Object.values(errors).some(Boolean);

/** The error to show under a field: the client's own check first, then the server's. */
export function errorFor<T>(
  clientErrors: Partial<Record<keyof T, string>>,
  apiError: unknown,
  field: keyof T & string,
) {
  return clientErrors[field] ?? fieldError(apiError, field);
}

/** After a failed submit, put the keyboard focus on the first invalid field of the form. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, trigger: unknown) {
  useEffect(() => {
    if (!trigger) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, trigger]);
}
