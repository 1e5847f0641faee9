import { Limit } from '../model/types';

const SEK_PER_UNIT: Partial<Record<Limit['unit'], number>> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };
const DAYS_PER_UNIT: Partial<Record<Limit['unit'], number>> = { days: 1, weeks: 7, months: 30, years: 365 };

const UNIT_TEXT: Record<Limit['unit'], { one: string; other: string }> = {
  kr: { one: 'kr', other: 'kr' },
  tkr: { one: 'tkr', other: 'tkr' },
  mnkr: { one: 'mnkr', other: 'mnkr' },
  prisbasbelopp: { one: 'prisbasbelopp', other: 'prisbasbelopp' },
  days: { one: 'dag', other: 'dagar' },
  weeks: { one: 'vecka', other: 'veckor' },
  months: { one: 'månad', other: 'månader' },
  years: { one: 'år', other: 'år' },
};

/** The limit in the ordinance's words, e.g. "5 prisbasbelopp", "0,5 prisbasbelopp (2027)", "6 månader". */
export function limitText(limit: Limit): string {
  const amount = limit.amount.toLocaleString('sv-SE');
  const unit = UNIT_TEXT[limit.unit][limit.amount === 1 ? 'one' : 'other'];
  return limit.unit === 'prisbasbelopp' && limit.year ? `${amount} ${unit} (${limit.year})` : `${amount} ${unit}`;
}

/**
 * A limit on one scale, so that two can be compared: money in kronor, durations in days, prisbasbelopp in
 * kronor when the year's value is given and in prisbasbelopp otherwise.
 */
function measure(limit: Limit): { scale: 'sek' | 'days' | 'pbb'; value: number } {
  const sek = SEK_PER_UNIT[limit.unit];
  if (sek !== undefined) return { scale: 'sek', value: limit.amount * sek };
  const days = DAYS_PER_UNIT[limit.unit];
  if (days !== undefined) return { scale: 'days', value: limit.amount * days };
  if (limit.priceBaseAmountSek !== undefined) return { scale: 'sek', value: limit.amount * limit.priceBaseAmountSek };
  return { scale: 'pbb', value: limit.amount };
}

/**
 * Whether a limit grew: a limit that goes away, or rises on a comparable scale. A new limit where there was
 * none narrows the mandate; limits on scales that cannot be compared (kronor vs. prisbasbelopp of an unknown
 * year) are not called raised.
 */
export function limitRaised(before: Limit | undefined, after: Limit | undefined): boolean {
  if (!before) return false;
  if (!after) return true;
  const b = measure(before);
  const a = measure(after);
  return a.scale === b.scale && a.value > b.value;
}
