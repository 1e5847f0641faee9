import { Text } from './finding';

export type Lang = 'sv' | 'en';

const pluralRules = { sv: new Intl.PluralRules('sv'), en: new Intl.PluralRules('en') };
/** Intl's answer per language and number, asked once: messages ask for the same few counts again and again. */
const categories = { sv: new Map<number, Intl.LDMLPluralRule>(), en: new Map<number, Intl.LDMLPluralRule>() };

/** The form for `n` by the language's plural rules (CLDR): Swedish and English both have one and other. */
export function plural(lang: Lang, n: number, forms: { one: string; other: string }): string {
  let category = categories[lang].get(n);
  if (category === undefined) {
    category = pluralRules[lang].select(n);
    categories[lang].set(n, category);
  }
  return category === 'one' ? forms.one : forms.other;
}

/** "1 strukturförändring", "2 strukturförändringar": the number and the noun in the right form. */
export function counted(lang: Lang, n: number, forms: { one: string; other: string }): string {
  return `${n} ${plural(lang, n, forms)}`;
}

/** Both languages at once. */
export function both(make: (lang: Lang) => string): Text {
  return { sv: make('sv'), en: make('en') };
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A code cut into runs of digits and the rest, with each run's number (NaN for an empty run). */
interface CodeParts {
  text: string[];
  value: number[];
}
/** Codes are compared again and again (every sorted list of areas): each is cut once. */
const cut = new Map<string, CodeParts>();

function partsOf(code: string): CodeParts {
  let parts = cut.get(code);
  if (parts === undefined) {
    const text = code.split(/(\d+)/);
    parts = { text, value: text.map((t) => (t === '' ? NaN : Number(t))) };
    if (cut.size > 100_000) cut.clear();
    cut.set(code, parts);
  }
  return parts;
}

/** Orders ordinance codes as people read them: 2.10 after 2.9, 10.1 after 9.3. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const x = partsOf(a);
  const y = partsOf(b);
  const n = Math.min(x.text.length, y.text.length);
  for (let i = 0; i < n; i++) {
    if (x.text[i] === y.text[i]) continue;
    const nx = x.value[i];
    const ny = y.value[i];
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x.text[i] < y.text[i] ? -1 : 1;
  }
  return x.text.length - y.text.length;
}

const STAGES = { sv: { one: 'etapp', other: 'etapper' }, en: { one: 'stage', other: 'stages' } };

/**
 * The run of states a lasting finding holds in, as a sentence (issue 10 item 9): from state `from` (0: the
 * baseline) to state `until`, or to the plan's end (`until` null, `last` the last state). Empty when it
 * holds in one state only: the stage it is reported in says it all.
 */
export function rangeText(from: number, until: number | null, last: number): Text {
  const to = until ?? last;
  if (to <= from) return { sv: '', en: '' };
  const stages = to - Math.max(from, 1) + 1;
  const start = { sv: from === 0 ? 'nuläget' : `etapp ${from}`, en: from === 0 ? 'the baseline' : `stage ${from}` };
  return both((lang) => {
    const count = counted(lang, stages, STAGES[lang]);
    if (lang === 'sv')
      return until === null ? `Kvarstår från ${start.sv} och framåt (${count}).` : `Kvarstår från ${start.sv} till och med etapp ${to} (${count}).`;
    return until === null ? `Holds from ${start.en} on (${count}).` : `Holds from ${start.en} to stage ${to} (${count}).`;
  });
}
