import { swedishDate } from '@tillit/domain';

/** Where the API reads the time for `today` (a test sets it; sessions and the audit log keep the real clock). */
export const clock = { now: (): Date => new Date() };

/** The server's date in Sweden (YYYY-MM-DD), the `today` the analysis judges a plan's dates against. */
export function today(): string {
  return swedishDate(clock.now());
}
