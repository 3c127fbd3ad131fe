import { Fragment } from 'react';

/**
 * An e-mail address that wraps at its natural joints — before "@" and before each "." — instead of
 * mid-word; a single part longer than the line still wraps anywhere (the `email-text` class).
 */
export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?=[@.])/);
  return (
    <span className="email-text">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, never reordered
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
