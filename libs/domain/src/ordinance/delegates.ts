import { Actor, ActorKind, LegalRole } from '../model/types';

/** Common abbreviations in Swedish delegation ordinances; a file's own glossary and the user's edits come first. */
export const BUILTIN_GLOSSARY: Readonly<Record<string, string>> = {
  ordf: 'Ordförande',
  'v ordf': 'Vice ordförande',
  'vice ordf': 'Vice ordförande',
  au: 'Arbetsutskottet',
  iu: 'Individutskottet',
  fc: 'Förvaltningschef',
  'förv chef': 'Förvaltningschef',
  förvchef: 'Förvaltningschef',
  ec: 'Enhetschef',
  ac: 'Avdelningschef',
  'avd chef': 'Avdelningschef',
  avdchef: 'Avdelningschef',
  'soc sekr': 'Socialsekreterare',
  socsekr: 'Socialsekreterare',
  ssk: 'Socialsekreterare',
  '1:e soc sekr': '1:e socialsekreterare',
  '1:e socsekr': '1:e socialsekreterare',
  bh: 'Biståndshandläggare',
  bhl: 'Biståndshandläggare',
  kd: 'Kommundirektör',
  ksau: 'Kommunstyrelsens arbetsutskott',
  kso: 'Kommunstyrelsens ordförande',
  ks: 'Kommunstyrelsen',
  sn: 'Socialnämnden',
  mas: 'Medicinskt ansvarig sjuksköterska',
};

/** An abbreviation as looked up: lower case, dots and repeated spaces as one space. */
export function glossaryKey(text: string): string {
  return text.toLocaleLowerCase('sv-SE').replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

/** Footnote marks and stray punctuation are not part of a title. */
export function cleanDelegate(text: string): string {
  return text
    .replace(/[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')
    .replace(/\s*\(\d+\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
}

/** "Enhetschef/1:e socialsekreterare", "Enhetschef eller avdelningschef", or titles on two lines: two delegates. */
export function splitDelegates(text: string): string[] {
  return text
    .split(/\s*(?:\/|\n|\r|\beller\b|;)\s*/i)
    .map(cleanDelegate)
    .filter((t) => t !== '');
}

const NON_DELEGABLE =
  /får\s+ej\s+delegeras|får\s+inte\s+delegeras|ej\s+delegerbar|ej\s+delegering|ingen\s+delegering|kan\s+inte\s+delegeras|kan\s+ej\s+delegeras/i;
export const isNonDelegableText = (text: string) => NON_DELEGABLE.test(text);

const EXECUTION = /verkställighet/i;
export const isExecutionText = (text: string) => EXECUTION.test(text);

/** "kan endast delegeras till utskott", "får endast delegeras till ledamot": the only delegates the law allows. */
export function restrictionOf(text: string): Array<'working_committee' | 'member' | 'employee'> | null {
  const m = /(?:kan|får)\s+(?:endast|bara|enbart)\s+delegeras\s+till\s+([^.;]+)/i.exec(text);
  if (!m) return null;
  const to = new Set<'working_committee' | 'member' | 'employee'>();
  if (/utskott/i.test(m[1])) to.add('working_committee');
  if (/ledamot|ordförande|ersättare/i.test(m[1])) to.add('member');
  if (/anställd|tjänste(?:person|man)/i.test(m[1])) to.add('employee');
  return to.size ? [...to] : null;
}

const RELATIVE =
  /^(?:närmaste|närmast\s+överordnad|respektive|berörd|ansvarig|aktuell)\s+(?:chef|arbetsledare|enhetschef)|^delegaten\s+i\s+ursprungsbeslutet|^den\s+som\s+(?:fattat|fattade)|^beslutsfattaren\s+i\s+ursprungsbeslutet|^ursprunglig\s+beslutsfattare/i;
/** "Närmaste chef", "Delegaten i ursprungsbeslutet": not one actor, a pointer to one. */
export const isRelativeDelegate = (text: string) => RELATIVE.test(text.trim());

/** The governing body itself named as the delegate: "Nämnden", "Socialnämnden", "Kommunstyrelsen". */
export function namesBody(text: string, body: string): boolean {
  const t = glossaryKey(text);
  return t === glossaryKey(body) || t === 'nämnden' || t === 'styrelsen' || t === 'nämnd';
}

/** The kind and legal role a title suggests; the user can change both. */
export function guessKind(title: string): { kind: ActorKind; legalRole?: LegalRole } {
  const t = title.toLocaleLowerCase('sv-SE');
  if (/utskott/.test(t)) return { kind: 'governing_body', legalRole: 'working_committee' };
  if (/fullmäktige/.test(t)) return { kind: 'governing_body', legalRole: 'council' };
  if (/nämnd(en)?$|styrelse(n)?$|^nämnd/.test(t) && !/ordförande|ledamot|ersättare/.test(t))
    return { kind: 'governing_body', legalRole: 'committee' };
  if (/vice ordförande|^v\.? ?ordf|^[0-9]:[ae] vice/.test(t)) return { kind: 'governing_body', legalRole: 'member' };
  if (/ordförande/.test(t)) return { kind: 'governing_body', legalRole: 'chair' };
  if (/ledamot/.test(t)) return { kind: 'governing_body', legalRole: 'member' };
  if (/^ersättare|nämndens ersättare/.test(t)) return { kind: 'governing_body', legalRole: 'deputy_member' };
  if (/förvaltningschef|socialchef|kommundirektör|stadsdirektör|förvaltningsdirektör|regiondirektör/.test(t))
    return { kind: 'executive', legalRole: 'head_of_administration' };
  if (/(hr|personal|ekonomi|it|lön|upphandling|kommunikation|juridik|kansli)[-\s]?(enhet|avdelning|funktion|kontor)|^(hr|it|ekonomi)$/.test(t))
    return { kind: 'support_function' };
  if (/direktör|chef|föreståndare|rektor|ledare/.test(t)) return { kind: 'manager' };
  if (/enheten$|avdelningen$|kontoret$/.test(t)) return { kind: 'unit' };
  if (/gruppen$|teamet$/.test(t)) return { kind: 'team' };
  return { kind: 'role' };
}

/** A name as compared: lower case, letters and digits only. */
const comparable = (s: string) =>
  s
    .toLocaleLowerCase('sv-SE')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** Similarity 0–1 by edit distance of the comparable forms. */
export function similarity(a: string, b: string): number {
  const x = comparable(a);
  const y = comparable(b);
  if (!x.length || !y.length) return 0;
  if (x === y) return 1;
  const prev = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

const FUZZY_AT = 0.8;

/**
 * The plan's actor a title is: exactly (same name, case and punctuation aside), or a fuzzy candidate the user
 * confirms (a near spelling, or the plan's name beginning with the title: "Enhetschef" for "Enhetschef
 * biståndshandläggning"). Null: a new actor.
 */
export function matchActor(title: string, actors: readonly Pick<Actor, 'id' | 'name'>[]): { match: 'exact' | 'fuzzy'; actorId: string } | null {
  const t = comparable(title);
  const exact = actors.find((a) => comparable(a.name) === t);
  if (exact) return { match: 'exact', actorId: exact.id };
  let best: { id: string; score: number } | null = null;
  for (const a of actors) {
    const name = comparable(a.name);
    const score = name.startsWith(`${t} `) || t.startsWith(`${name} `) ? 0.85 : similarity(t, name);
    if (score >= FUZZY_AT && (!best || score > best.score)) best = { id: a.id, score };
  }
  return best ? { match: 'fuzzy', actorId: best.id } : null;
}
