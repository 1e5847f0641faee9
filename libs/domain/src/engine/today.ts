/** Dates in Sweden: the checks judge a plan's dates against the date where the organisation is. */
const SWEDEN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The date (YYYY-MM-DD) in Europe/Stockholm at an instant: what the analysis calls `today`. Just after
 * midnight in Sweden it is already the next day, while UTC still says the day before.
 */
export function swedishDate(at: Date): string {
  const parts = Object.fromEntries(SWEDEN.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
