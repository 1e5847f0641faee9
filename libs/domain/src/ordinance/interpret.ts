import { delegateCategory } from '../engine/legal-roles';
import { Actor } from '../model/types';
import { columnLabel, fieldOfHeader, findHeader, isIgnoredHeader, isRepeatedHeader } from './columns';
import {
  BUILTIN_GLOSSARY,
  cleanDelegate,
  glossaryKey,
  guessKind,
  isExecutionText,
  isNonDelegableText,
  isRelativeDelegate,
  matchActor,
  namesBody,
  restrictionOf,
  splitDelegates,
} from './delegates';
import { parseLimit } from './limit-parser';
import {
  OrdinanceField,
  OrdinanceMapping,
  OrdinancePreview,
  OrdinanceProblem,
  OrdinanceProblemCode,
  PreviewActor,
  PreviewItem,
  PreviewLimit,
  PreviewSection,
  problemSeverity,
} from './ordinance.schema';
import { SourceRow, SourceSheet, SourceTable } from './source';

/** A mapping that does not fit the file (a sheet or header row it does not have, an actor the plan does not have). */
export class OrdinanceMappingError extends Error {
  constructor(
    readonly field: string,
    readonly code: 'unknown_reference' | 'no_header',
    message: string,
  ) {
    super(message);
    this.name = 'OrdinanceMappingError';
  }
}

export interface InterpretOptions {
  mapping?: OrdinanceMapping;
  /** The plan's actors (of its latest state), that delegates are matched to. */
  actors?: readonly Pick<Actor, 'id' | 'name' | 'kind' | 'legalRole'>[];
}

const LIMITS = { code: 40, matter: 500, legalBasis: 200, limit: 200, remark: 2000 } as const;
const GLOSSARY_SHEET = /förkortning|ordlista|begrepp|glossary/i;
const GLOSSARY_HEADING = /^\s*(?:\d+[.)]?\s*)?(förkortningar|ordlista|förklaringar till förkortningar)\b/i;
const BODY_IN_TITLE = /(\p{L}*nämnd(?:en)?|kommunstyrelsen|regionstyrelsen|styrelsen)s?(?![\p{L}])/iu;

/** Turns the rows of an ordinance file into a preview: sections, matters, delegates as actors, and every problem. */
export function interpretOrdinance(table: SourceTable, options: InterpretOptions = {}): OrdinancePreview {
  const mapping = options.mapping ?? {};
  const planActors = options.actors ?? [];
  const sheet = pickSheet(table, mapping);
  const rows = sheet.rows;
  const headerIndex = findHeader(rows, mapping.headerRow);
  if (headerIndex < 0) {
    if (mapping.headerRow !== undefined) throw new OrdinanceMappingError('mapping.headerRow', 'unknown_reference', 'the file has no such row');
    throw new OrdinanceMappingError('file', 'no_header', 'no header row with the ordinance’s column names (e.g. Ärende, Delegat) was found');
  }
  const header = rows[headerIndex];
  const problems: OrdinanceProblem[] = [];
  const sheetName = table.format === 'xlsx' ? sheet.name : undefined;
  const problem = (code: OrdinanceProblemCode, reason: string, at: Partial<OrdinanceProblem> = {}, params: OrdinanceProblem['params'] = {}) =>
    problems.push({ code, severity: problemSeverity(code), ...(sheetName !== undefined && { sheet: sheetName }), params, reason, ...at });

  // Columns: a manual mapping over the header's words; a field's first column wins, a second is a remark.
  const width = Math.max(header.cells.length, ...rows.slice(headerIndex).map((r) => r.cells.length));
  const manual = new Map((mapping.columns ?? []).map((c) => [c.column, c.field]));
  const taken = new Set<OrdinanceField>();
  const columns: OrdinancePreview['columns'] = [];
  for (let i = 0; i < width; i++) {
    const text = (header.cells[i] ?? '').trim();
    const own = manual.get(i);
    let field: OrdinanceField | 'ignore' | null = own ?? (text ? (fieldOfHeader(text) ?? (isIgnoredHeader(text) ? 'ignore' : null)) : null);
    if (field && field !== 'ignore' && field !== 'remark' && taken.has(field)) field = null;
    if (field && field !== 'ignore') taken.add(field);
    columns.push({ index: i, header: text, field, manual: own !== undefined });
  }
  const columnOf = new Map<OrdinanceField, number>();
  for (const c of columns) if (c.field && c.field !== 'ignore' && !columnOf.has(c.field)) columnOf.set(c.field, c.index);
  const label = (i: number) => columnLabel(i, columns[i]?.header ?? '', table.format);

  const glossary = new Map<string, { abbreviation: string; title: string; source: 'file' | 'mapping' | 'builtin' }>();
  for (const s of table.sheets) if (s !== sheet && GLOSSARY_SHEET.test(s.name)) for (const r of s.rows) addGlossaryRow(glossary, r);

  const governingBody = mapping.governingBody ?? bodyFromTitle(rows.slice(0, headerIndex)) ?? 'Nämnden';
  const overrides = new Map((mapping.rows ?? []).map((r) => [r.line, r.values]));

  const sections: PreviewSection[] = [];
  const stack: PreviewSection[] = [];
  const raw: Array<{ item: PreviewItem; delegateText: string; substituteText: string; row: SourceRow }> = [];
  let skippedHeaders = 0;
  let inGlossary = false;
  let sinceHeading = 0;
  let above: { delegate?: string; legalBasis?: string } = {};

  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    const filled = row.cells.map((c, i) => (c.trim() !== '' && !row.inherited?.[i] ? i : -1)).filter((i) => i >= 0);
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (isRepeatedHeader(row, header)) {
      skippedHeaders++;
      continue;
    }
    const values = (field: OrdinanceField): string => {
      const o = overrides.get(row.line)?.[field];
      if (o !== undefined) return o.trim();
      const i = columnOf.get(field);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const nonEmpty = row.cells.filter((c) => c.trim() !== '').length;
    const isHeading =
      !overrides.has(row.line) &&
      filled.length === 1 &&
      nonEmpty === 1 &&
      (filled[0] === 0 || filled[0] === columnOf.get('code') || filled[0] === columnOf.get('matter'));
    if (isHeading) {
      const title = row.cells[filled[0]].trim().replace(/\s+/g, ' ');
      if (GLOSSARY_HEADING.test(title)) {
        inGlossary = true;
        continue;
      }
      inGlossary = false;
      const level = headingLevel(title, stack, sinceHeading === 0);
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      const section = { title, level, line: row.line };
      stack.push(section);
      sections.push(section);
      sinceHeading = 0;
      above = {};
      continue;
    }
    if (inGlossary) {
      addGlossaryRow(glossary, row);
      continue;
    }
    sinceHeading++;

    // Values in columns with no header (and not mapped by hand) are not read; the user is told.
    for (const i of filled) {
      if (columns[i] && columns[i].field === null && columns[i].header === '' && !overrides.has(row.line)) {
        problem(
          'headerless_value',
          'a value in a column that has no header is not read',
          { line: row.line, column: label(i) },
          { value: row.cells[i].trim().slice(0, 200) },
        );
      }
    }

    let code = values('code');
    let matter = values('matter');
    if (!code) {
      const numbered = /^(\d+(?:\.\d+)*[a-z]?)[.)]?\s+(\S.*)$/i.exec(matter);
      if (numbered) [, code, matter] = numbered;
    }
    const extra = columns
      .filter((c) => c.field === null && c.header !== '' && (row.cells[c.index] ?? '').trim() !== '')
      .map((c) => `${c.header}: ${row.cells[c.index].trim()}`);
    const remark = [
      ...columns.filter((c) => c.field === 'remark').map((c) => (overrides.get(row.line)?.remark ?? row.cells[c.index] ?? '').trim()),
      ...extra,
    ]
      .filter((t) => t !== '')
      .filter((t, i, all) => all.indexOf(t) === i)
      .join('\n');
    const inherited: OrdinanceField[] = [];
    let delegateText = values('delegate');
    const delegateColumn = columnOf.get('delegate');
    if (delegateColumn !== undefined && row.inherited?.[delegateColumn]) inherited.push('delegate');
    if (!delegateText && above.delegate) {
      delegateText = above.delegate;
      inherited.push('delegate');
    }
    let legalBasis = values('legalBasis');
    const lawColumn = columnOf.get('legalBasis');
    if (lawColumn !== undefined && row.inherited?.[lawColumn]) inherited.push('legalBasis');
    if (!legalBasis && above.legalBasis) {
      legalBasis = above.legalBasis;
      inherited.push('legalBasis');
    }
    above = { delegate: delegateText || above.delegate, legalBasis: legalBasis || above.legalBasis };

    const line = row.line;
    const at = (field: OrdinanceField) => ({ line, field, column: columnOf.has(field) ? label(columnOf.get(field) as number) : undefined });
    const everything = [matter, remark, delegateText].join('\n');
    const nonDelegable = isNonDelegableText(everything) || (delegateText !== '' && namesBody(cleanDelegate(delegateText), governingBody));
    const execution = isExecutionText(everything);
    const restrictedTo = restrictionOf(everything) ?? undefined;
    const limitCell = values('limit');
    let limit: PreviewLimit | undefined;
    if (limitCell) {
      // A limit column's words are kept whole; the value is read from them.
      const parsed = parseLimit(limitCell, { priceBase: mapping.priceBaseAmount });
      limit = { text: limitCell, ...(parsed?.value && { value: parsed.value }) };
      if (!parsed)
        problem('limit_not_parsed', 'the limit is kept as text: no amount or duration was read from it', at('limit'), {
          text: limitCell.slice(0, 200),
        });
    } else {
      const parsed = parseLimit(matter, { priceBase: mapping.priceBaseAmount, inText: true });
      if (parsed) limit = { text: parsed.text, ...(parsed.value && { value: parsed.value }) };
    }
    const reportingText = values('reporting');
    const reporting: PreviewItem['reporting'] = /anmäls\s+(?:ej|inte)|ej\s+anmälan|ingen\s+anmälan/i.test(`${reportingText}\n${remark}`)
      ? 'no'
      : reportingText === ''
        ? 'unspecified'
        : /^(nej|n|-|–|ej)$/i.test(reportingText)
          ? 'no'
          : 'yes';
    const onwardText = values('onwardDelegation');
    const onwardDelegation = onwardText !== '' && !/^(nej|n|-|–|ej|får ej vidaredelegeras)$/i.test(onwardText);

    if (!matter) problem('missing_matter', 'the row has no matter', at('matter'));
    if (!code) problem('missing_code', 'the row has no number: one is made from its line', at('code'), { code: `r${line}` });
    for (const [field, maximum] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number]>) {
      const value =
        field === 'matter' ? matter : field === 'code' ? code : field === 'remark' ? remark : field === 'limit' ? (limit?.text ?? '') : legalBasis;
      if (value.length > maximum)
        problem('too_long', `must be at most ${maximum} characters`, at(field === 'matter' ? 'matter' : field), { maximum });
    }

    const item: PreviewItem = {
      line,
      code: code || `r${line}`,
      matter,
      sections: stack.map((s) => s.title),
      ...(legalBasis && { legalBasis }),
      ...(remark && { remark }),
      ...(limit && { limit }),
      kind: execution ? 'execution' : 'formal',
      nonDelegable,
      ...(restrictedTo && { restrictedTo }),
      reporting,
      onwardDelegation,
      inherited,
    };
    raw.push({ item, delegateText, substituteText: values('substitute'), row });
  }

  for (const [abbreviation, title] of Object.entries(mapping.glossary ?? {}))
    glossary.set(glossaryKey(abbreviation), { abbreviation, title, source: 'mapping' });
  const expand = (title: string): { title: string; abbreviated: boolean } => {
    const key = glossaryKey(title);
    const own = glossary.get(key)?.title ?? BUILTIN_GLOSSARY[key];
    if (own) return { title: own, abbreviated: true };
    // "Avd.chef IFO": the longest abbreviation at the start, then the rest as written.
    const words = title.replace(/\./g, '. ').split(/\s+/);
    for (let n = words.length - 1; n >= 1; n--) {
      const head = glossaryKey(words.slice(0, n).join(' '));
      const full = glossary.get(head)?.title ?? BUILTIN_GLOSSARY[head];
      if (full) return { title: `${full} ${words.slice(n).join(' ').replace(/\.\s/g, '.')}`.replace(/\s+/g, ' ').trim(), abbreviated: true };
    }
    return { title, abbreviated: false };
  };

  // Delegates as actors: the body first, then each distinct title in the order the file names them.
  const actors = new Map<string, PreviewActor & { abbreviated: boolean }>();
  const actorFor = (title: string, written: string, relative = false): PreviewActor => {
    const { title: name, abbreviated } = expand(title);
    const key = name.toLocaleLowerCase('sv-SE');
    let actor = actors.get(key);
    if (!actor) {
      const guess = guessKind(name);
      actor = {
        key: name,
        written: [],
        name,
        kind: guess.kind,
        ...(guess.legalRole && { legalRole: guess.legalRole }),
        match: 'new',
        confirmed: false,
        rows: 0,
        relative,
        abbreviated,
      };
      actors.set(key, actor);
    }
    if (!actor.written.includes(written)) actor.written.push(written);
    actor.rows++;
    return actor;
  };
  const body = actorFor(governingBody, governingBody);
  body.kind = 'governing_body';
  body.legalRole = 'committee';
  body.rows = 0;

  const codes = new Map<string, number>();
  const items: PreviewItem[] = [];
  const holders: Array<{ item: PreviewItem; decider?: PreviewActor; substitute?: PreviewActor }> = [];
  const splitLines = new Set((mapping.rows ?? []).filter((r) => r.split).map((r) => r.line));
  for (const { item: rowItem, delegateText, substituteText } of raw) {
    const stripped = delegateText.replace(/\(?\s*verkställighet\s*\)?/gi, ' ').replace(/får\s+(?:ej|inte)\s+delegeras/gi, ' ');
    const rowTitles = splitDelegates(stripped);
    // "Split the matter": one matter per title, numbered 2.3a, 2.3b …, each with its own delegate.
    const parts =
      splitLines.has(rowItem.line) && rowTitles.length > 1
        ? rowTitles.map((title, i) => ({
            item: { ...rowItem, code: `${rowItem.code}${String.fromCharCode(97 + i)}`, part: { index: i + 1, of: rowTitles.length } },
            titles: [title],
          }))
        : [{ item: rowItem, titles: rowTitles }];
    for (const { item, titles } of parts) {
      const line = item.line;
      const at = (field: OrdinanceField) => ({ line, field, column: columnOf.has(field) ? label(columnOf.get(field) as number) : undefined });
      const first = codes.get(item.code);
      if (first !== undefined) problem('duplicate_code', 'the number is used by an earlier row', at('code'), { code: item.code, firstLine: first });
      else codes.set(item.code, line);

      let decider: PreviewActor | undefined;
      if (item.nonDelegable && (titles.length === 0 || titles.every((t) => namesBody(t, governingBody)))) decider = body;
      else if (titles.length === 0) problem('missing_delegate', 'the row names no delegate', at('delegate'));
      else if (titles.length > 1)
        problem('two_delegates', 'the cell names more than one delegate: pick one or split the matter', at('delegate'), { options: titles });
      else if (namesBody(titles[0], governingBody)) decider = body;
      else {
        const relative = isRelativeDelegate(titles[0]);
        decider = actorFor(titles[0], titles[0], relative);
        if (relative)
          problem('relative_delegate', 'the delegate is a relation, not a title: choose the actor', at('delegate'), { delegate: titles[0] });
      }
      if (decider) item.delegate = decider.name;
      const substitutes = splitDelegates(substituteText);
      let substitute: PreviewActor | undefined;
      if (substitutes.length > 1) problem('two_delegates', 'the cell names more than one substitute', at('substitute'), { options: substitutes });
      else if (substitutes.length === 1) {
        substitute = namesBody(substitutes[0], governingBody) ? body : actorFor(substitutes[0], substitutes[0], isRelativeDelegate(substitutes[0]));
        item.substitute = substitute.name;
      }
      items.push(item);
      holders.push({ item, decider, substitute });
    }
  }

  // Matches to the plan's actors, then the user's choices over them.
  for (const actor of actors.values()) {
    const found = matchActor(actor.name, planActors);
    if (found) {
      actor.actorId = found.actorId;
      actor.match = found.match === 'exact' ? (actor.abbreviated ? 'abbreviation' : 'exact') : 'fuzzy';
      actor.confirmed = found.match === 'exact';
      const planActor = planActors.find((a) => a.id === found.actorId);
      if (planActor && found.match === 'exact') {
        actor.kind = planActor.kind;
        if (planActor.legalRole) actor.legalRole = planActor.legalRole;
        else delete actor.legalRole;
      }
    }
    const choice = mapping.actors?.[actor.key];
    if (choice && 'actorId' in choice) {
      const planActor = planActors.find((a) => a.id === choice.actorId);
      if (!planActor)
        throw new OrdinanceMappingError(`mapping.actors.${actor.key}.actorId`, 'unknown_reference', `the plan has no actor "${choice.actorId}"`);
      Object.assign(actor, { actorId: planActor.id, match: actor.match === 'new' ? 'exact' : actor.match, confirmed: true, kind: planActor.kind });
      if (planActor.legalRole) actor.legalRole = planActor.legalRole;
      else delete actor.legalRole;
    } else if (choice) {
      if (choice.name) actor.name = choice.name;
      if (choice.kind) actor.kind = choice.kind;
      if (choice.legalRole === null) delete actor.legalRole;
      else if (choice.legalRole) actor.legalRole = choice.legalRole;
      // A new actor was chosen over a fuzzy candidate.
      if (actor.match === 'fuzzy') {
        actor.match = 'new';
        delete actor.actorId;
      }
    }
  }

  // The law's limits on who may decide, now that each delegate's kind is known.
  for (const { item, decider } of holders) {
    if (decider) item.delegate = decider.name;
    if (!decider || decider === body) continue;
    const category = delegateCategory(decider);
    const at = {
      line: item.line,
      field: 'delegate' as const,
      column: columnOf.has('delegate') ? label(columnOf.get('delegate') as number) : undefined,
    };
    if (item.nonDelegable) {
      problem('non_delegable_delegated', 'the matter may not be delegated, yet the row names a delegate', at, { delegate: decider.name, category });
    } else if (
      item.restrictedTo &&
      !(category === 'employee' ? item.restrictedTo.includes('employee') : item.restrictedTo.includes(category as 'working_committee' | 'member'))
    ) {
      problem('restricted_delegate', 'the law allows only some delegates for this matter', at, {
        delegate: decider.name,
        category,
        allowed: item.restrictedTo,
      });
    }
  }
  for (const h of holders) if (h.substitute) h.item.substitute = h.substitute.name;

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    format: table.format,
    ...(table.encoding && { encoding: table.encoding }),
    ...(table.separator && { separator: table.separator }),
    ...(table.format === 'xlsx' && { sheets: table.sheets.map((s) => s.name), sheet: sheet.name }),
    headerRow: header.line,
    columns,
    governingBody,
    glossary: [...glossary.values()],
    sections,
    items,
    actors: [...actors.values()].map(({ abbreviated: _a, ...a }) => a),
    problems,
    counts: { rows: rows.length, items: items.length, sections: sections.length, skippedHeaders, errors, warnings: problems.length - errors },
  };
}

function pickSheet(table: SourceTable, mapping: OrdinanceMapping): SourceSheet {
  if (mapping.sheet !== undefined) {
    const chosen = table.sheets.find((s) => s.name === mapping.sheet);
    if (!chosen) throw new OrdinanceMappingError('mapping.sheet', 'unknown_reference', `the workbook has no sheet "${mapping.sheet}"`);
    return chosen;
  }
  return table.sheets.find((s) => !GLOSSARY_SHEET.test(s.name) && findHeader(s.rows) >= 0) ?? table.sheets[0];
}

function addGlossaryRow(
  glossary: Map<string, { abbreviation: string; title: string; source: 'file' | 'mapping' | 'builtin' }>,
  row: SourceRow,
): void {
  const [abbreviation, title] = row.cells.map((c) => c.trim()).filter((c) => c !== '');
  if (!abbreviation || !title || abbreviation.length > 40) return;
  // "EC = Enhetschef", "EC – Enhetschef" in one cell.
  glossary.set(glossaryKey(abbreviation), { abbreviation, title: title.replace(/^[=:–-]\s*/, ''), source: 'file' });
}

function bodyFromTitle(rows: readonly SourceRow[]): string | undefined {
  for (const row of rows) {
    for (const cell of row.cells) {
      const m = BODY_IN_TITLE.exec(cell);
      if (m) {
        const word = m[1].toLocaleLowerCase('sv-SE');
        const definite = /en$/.test(word) || /styrelsen$/.test(word) ? word : `${word}en`;
        return definite.charAt(0).toLocaleUpperCase('sv-SE') + definite.slice(1);
      }
    }
  }
  return undefined;
}

/**
 * A heading's level: from its numbering ("4. ADMINISTRATION" 1, "4.1 Personal" 2, "B 1 Personalärenden" 2), else
 * a heading in capitals is a top one, one right under a heading its child, one after matters their sibling.
 */
function headingLevel(title: string, stack: readonly PreviewSection[], rightAfterHeading: boolean): number {
  let rest = title.replace(/^(?:kapitel|kap\.?|avsnitt|del)\s+/i, '');
  let level = 0;
  const letter = /^([A-ZÅÄÖ])[.)]?\s+/.exec(rest);
  if (letter) {
    level++;
    rest = rest.slice(letter[0].length);
  }
  const number = /^(\d+(?:\.\d+)*)[.)]?(?:\s+|$)/.exec(rest);
  if (number) level += number[1].split('.').filter((p) => p !== '').length;
  if (level > 0) return level;
  const top = stack[stack.length - 1];
  if (!top || title === title.toLocaleUpperCase('sv-SE')) return 1;
  return rightAfterHeading ? top.level + 1 : top.level;
}
