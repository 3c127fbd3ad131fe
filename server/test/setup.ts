/** A console.error during a test is a bug the test did not see: fail the test. */
import { afterEach, beforeEach } from 'vitest';

let errors: unknown[][] = [];
const original = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});
afterEach(() => {
  console.error = original;
  if (errors.length > 0)
    throw new Error(`console.error was called during the test: ${String(errors[0]?.[0])}`);
});
