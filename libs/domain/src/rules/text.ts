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

/** Orders ordinance codes as people read them: 2.10 after 2.9, 10.1 after 9.3. */
export function compareCodes(a: string, b: string): number {
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const nx = Number(x[i]);
    const ny = Number(y[i]);
    if (x[i] !== '' && y[i] !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
