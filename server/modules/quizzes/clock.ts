/**
 * The quizzes module's clock. Time limits are enforced with it, so tests move it instead of sleeping;
 * in the running app it is the system clock.
 */
let current: () => Date = () => new Date();

export const now = () => current();

/** Tests only: make `now()` answer `fn()`; `null` restores the system clock. */
export function setClock(fn: (() => Date) | null) {
  current = fn ?? (() => new Date());
}

/** How late a submission may arrive and still count as on time: the network is not instant. */
export const SUBMIT_GRACE_MS = 5_000;
