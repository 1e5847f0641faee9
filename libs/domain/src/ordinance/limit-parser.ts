import { Limit } from '../model/types';

/** A limit found in an ordinance's words: the phrase as written and, when it is an upper bound, the value. */
export interface ParsedLimit {
  text: string;
  value?: Limit;
}

const NUMBER = String.raw`(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?`;
const BOUND = String.raw`(?:(högst|max(?:imalt|imum)?\.?|upp\s+till|intill|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|understigande|inom|över|överstigande|mer\s+än|från)\s+)?`;

interface UnitPattern {
  pattern: string;
  unit: Limit['unit'];
  /** "30 % av prisbasbeloppet": the amount is a share. */
  percent?: boolean;
}

// Longest first within a family, so "tkr" is not read as "kr" and "prisbasbeloppet" not as "pbb".
const UNITS: UnitPattern[] = [
  { pattern: String.raw`%\s*av\s+(?:ett\s+|gällande\s+)?(?:pris)?basbelopp(?:et|en)?`, unit: 'prisbasbelopp', percent: true },
  { pattern: String.raw`(?:pris)?basbelopp(?:et|en)?|pbb`, unit: 'prisbasbelopp' },
  { pattern: String.raw`(?:tkr|tusen\s+kronor|tkronor)`, unit: 'tkr' },
  { pattern: String.raw`(?:mnkr|mkr|miljon(?:er)?\s+kronor|milj\.?\s*kr)`, unit: 'mnkr' },
  { pattern: String.raw`(?:kr|kronor|sek)`, unit: 'kr' },
  { pattern: String.raw`(?:dagar|dygn|dag|d)`, unit: 'days' },
  { pattern: String.raw`(?:veckor|vecka|v\.?)`, unit: 'weeks' },
  { pattern: String.raw`(?:månader|månad|mån\.?)`, unit: 'months' },
  { pattern: String.raw`(?:år)`, unit: 'years' },
];

const LIMIT = new RegExp(String.raw`(?<![\p{L}\d,.])${BOUND}${NUMBER}\s*(${UNITS.map((u) => u.pattern).join('|')})(?![\p{L}\d])`, 'iu');
const UNIT_MATCHERS = UNITS.map((u) => ({ ...u, re: new RegExp(`^(?:${u.pattern})$`, 'iu') }));

/** Bounds that make the phrase a lower limit or a range start: the matter is above it, not up to it. */
const NOT_UPPER = /^(över|överstigande|mer\s+än|från)$/i;

/**
 * The first limit in a text: "högst 5 prisbasbelopp", "upp till 100 000 kr", "500 tkr", "30 % av
 * prisbasbeloppet", "max 3 mån". A lower bound ("överstigande 5 pbb") keeps its words but gets no value.
 */
export function parseLimit(text: string, options: LimitOptions = {}): ParsedLimit | null {
  const re = new RegExp(LIMIT.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const parsed = limitOf(m, options);
    if (parsed) return parsed;
  }
  return null;
}

export interface LimitOptions {
  priceBase?: { year: number; sek: number };
  /** Read from the matter's text, not a limit column: a duration needs a bound word ("högst 3 mån"), "under 18 år" is an age. */
  inText?: boolean;
}

const MONEY: ReadonlySet<Limit['unit']> = new Set(['kr', 'tkr', 'mnkr', 'prisbasbelopp']);
const UPPER = /^(högst|max(?:imalt|imum)?\.?|upp\s+till|intill|till\s+och\s+med|t\.?\s?o\.?\s?m\.?)$/i;

function limitOf(m: RegExpExecArray, { priceBase, inText }: LimitOptions): ParsedLimit | null {
  const [phrase, bound, whole, fraction, unitText] = m;
  const amount = Number(`${whole.replace(/[\s\u00a0\u202f]/g, '')}${fraction ? `.${fraction}` : ''}`);
  const unit = UNIT_MATCHERS.find((u) => u.re.test(unitText.trim()));
  if (!unit || !Number.isFinite(amount)) return null;
  if (inText && !MONEY.has(unit.unit) && !(bound && UPPER.test(bound.trim()))) return null;
  const result: ParsedLimit = { text: phrase.trim() };
  if (bound && NOT_UPPER.test(bound.trim())) return result;
  const value: Limit = { amount: unit.percent ? round(amount / 100) : amount, unit: unit.unit };
  if (value.unit === 'prisbasbelopp' && priceBase) {
    value.year = priceBase.year;
    value.priceBaseAmountSek = priceBase.sek;
  }
  result.value = value;
  return result;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
