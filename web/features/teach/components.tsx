/** Small pieces the teaching pages share. */

/**
 * The person a row's button acts on, for screen readers only: "Thu hồi" is read "Thu hồi: Lê Thị Lan".
 * The visible text stays first in the accessible name, as WCAG 2.5.3 (label in name) asks, which an
 * aria-label rephrasing it would break.
 */
export function WhoseHidden({ name }: { name: string }) {
  return <span className="visually-hidden">: {name}</span>;
}
