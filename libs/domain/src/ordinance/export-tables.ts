import { Analysis } from '../engine/analyse';
import { diffStates, RightChangeKind } from '../engine/diff';
import { delegateCategory } from '../engine/legal-roles';
import { limitText } from '../engine/limits';
import { PlanState } from '../engine/state';
import { DEVELOPMENT_KINDS } from '../model/plan.schema';
import { Plan } from '../model/types';
import { OrdinanceField, OrdinancePreview } from './ordinance.schema';

type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

/**
 * What goes out of the product as a spreadsheet, before it is written as XLSX or CSV: title rows, a
 * header, and rows that are either a section heading or the cells of one line (marked when changed).
 */
export interface ExportTable {
  sheet: string;
  title: string[];
  header: string[];
  rows: ExportRow[];
}
export type ExportRow = { heading: string; level: number } | { cells: string[]; marked?: boolean };

/** The standard layout of an exported ordinance; its names are the importer's own, so the file reads back. */
export const ORDINANCE_EXPORT_HEADER = [
  'Nr',
  'Ärende',
  'Delegat',
  'Ersättare',
  'Vidaredelegering',
  'Lagrum',
  'Begränsning',
  'Anmäls',
  'Anmärkning',
  'Ändrad',
] as const;

/** The field each column of the standard layout holds (the last, Ändrad, holds the change marks). */
const STANDARD_FIELDS: readonly OrdinanceField[] = [
  'code',
  'matter',
  'delegate',
  'substitute',
  'onwardDelegation',
  'legalBasis',
  'limit',
  'reporting',
  'remark',
];

/**
 * The columns of an imported ordinance, in the file's order and with its own header names: what an export
 * of that plan's ordinance is written in. `field` null: a column the importer did not read into a field.
 */
export interface OrdinanceLayout {
  columns: Array<{ header: string; field: OrdinanceField | null }>;
}

/** The layout of an imported file from its preview: every column with a header, as the file had them. */
export function layoutOfPreview(preview: Pick<OrdinancePreview, 'columns'>): OrdinanceLayout {
  return {
    columns: preview.columns
      .filter((c) => c.header.trim() !== '' && c.field !== 'ignore')
      .map((c) => ({ header: c.header.trim(), field: c.field === 'ignore' ? null : c.field })),
  };
}

/**
 * The ordinance table in an imported file's layout: its columns in its order under its names, a column the
 * plan has no field for left blank; the standard columns the file lacked are added after them where any row
 * has a value (a substitute set by a stage, a limit read from the matter's text), so nothing is lost; the
 * change marks last. Without a layout, the standard one.
 */
export function inLayout(table: ExportTable, layout: OrdinanceLayout | null | undefined): ExportTable {
  if (!layout?.columns.length) return table;
  const index = new Map(STANDARD_FIELDS.map((f, i) => [f, i]));
  const changed = table.header.indexOf(CHANGED_COLUMN);
  const cells = table.rows.flatMap((r) => ('cells' in r ? [r.cells] : []));
  const own = new Set(layout.columns.flatMap((c) => (c.field ? [c.field] : [])));
  const added = STANDARD_FIELDS.filter((f) => !own.has(f) && cells.some((row) => row[index.get(f) as number] !== ''));
  const columns: Array<{ header: string; from: number | null }> = [
    ...layout.columns.map((c) => ({ header: c.header, from: c.field && own.has(c.field) ? (index.get(c.field) as number) : null })),
    ...added.map((f) => ({ header: table.header[index.get(f) as number], from: index.get(f) as number })),
  ];
  // A field is written once, in its first column; a second column of it (kept as a remark on import) stays blank.
  const seen = new Set<number>();
  for (const c of columns) {
    if (c.from === null) continue;
    if (seen.has(c.from)) c.from = null;
    else seen.add(c.from);
  }
  if (changed >= 0) columns.push({ header: CHANGED_COLUMN, from: changed });
  return {
    ...table,
    header: columns.map((c) => c.header),
    rows: table.rows.map((r) => ('heading' in r ? r : { ...r, cells: columns.map((c) => (c.from === null ? '' : (r.cells[c.from] ?? ''))) })),
  };
}

/** The column that marks changed rows: the importer passes over it. */
export const CHANGED_COLUMN = 'Ändrad';

const SECTION_SEPARATOR = ' – ';

const CHANGE_TEXT: Record<RightChangeKind, string> = {
  added: 'ny',
  removed: 'borttagen',
  moved: 'ny delegat',
  delegator: 'ny delegerande',
  level: 'ny delegeringsnivå',
  consultation: 'samråd',
  reporting: 'anmälan',
  onward_delegation: 'vidaredelegering',
  substitute: 'ny ersättare',
};

/** The nämnd or styrelse whose ordinance it is: the body that delegates most of the state's rights. */
export function governingBodyOf(state: PlanState): { id: string; name: string } | null {
  const count = new Map<string, number>();
  for (const right of state.rights.values()) {
    const body = right.delegatorId ?? right.deciderId;
    const actor = state.actors.get(body);
    if (actor && delegateCategory(actor) === 'body') count.set(body, (count.get(body) ?? 0) + 1);
  }
  const [best] = [...count.entries()].sort((a, b) => b[1] - a[1]);
  const id = best?.[0] ?? [...state.actors.values()].find((a) => !a.retired && delegateCategory(a) === 'body')?.id;
  const actor = id ? state.actors.get(id) : undefined;
  return actor ? { id: actor.id, name: actor.name } : null;
}

/**
 * The delegation ordinance as it stands after stage `k` (0: the baseline): its matters under their
 * sections as headings, each with its delegate, substitute, onward delegation, lagrum, limit, reporting and
 * remark, and rows whose right differs from the baseline marked. Retired matters are left out. Written in
 * the importer's column names, so that importing it gives the same decision areas, rights and sections.
 */
export function ordinanceTable(plan: Plan, states: readonly PlanState[], k: number): ExportTable {
  const state = states[k];
  const baseline = states[0];
  const body = governingBodyOf(state);
  const nameOf = (id: string | undefined | null) => (id ? (state.actors.get(id)?.name ?? id) : '');
  const changes = k === 0 ? new Map<string, string[]>() : changeMarks(baseline, state);

  const areas = [...state.areas.values()].filter((a) => !a.retired);
  // Each section's matters together, the sections in the order they first appear.
  const order = new Map<string, number>();
  for (const a of areas) if (!order.has(a.section)) order.set(a.section, order.size);
  const sorted = areas.map((a, i) => ({ a, i })).sort((x, y) => order.get(x.a.section)! - order.get(y.a.section)! || x.i - y.i);

  const rows: ExportRow[] = [];
  let path: string[] = [];
  for (const { a } of sorted) {
    const next = a.section.split(SECTION_SEPARATOR);
    let same = 0;
    while (same < path.length && same < next.length && path[same] === next[same]) same++;
    // Only the headings that differ from the row above, from the first that differs: nesting reads back.
    if (same === next.length && same === path.length) {
      // the same section
    } else for (let level = Math.min(same, next.length - 1); level < next.length; level++) rows.push({ heading: next[level], level: level + 1 });
    path = next;

    const right = state.rights.get(a.id);
    const text = `${a.title}\n${a.remark ?? ''}`;
    const byBody = !right || right.deciderId === body?.id || delegateCategory(state.actors.get(right.deciderId) ?? { kind: 'role' }) === 'body';
    const delegate = right ? nameOf(right.deciderId) : (body?.name ?? '');
    const marks = changes.get(a.id);
    rows.push({
      cells: [
        a.code,
        a.title,
        a.kind === 'execution' && !/verkställighet/i.test(text) ? `${delegate} (verkställighet)` : delegate,
        nameOf(right?.substituteId),
        right?.mayDelegateFurther ? 'Ja' : '',
        a.legalBasis ?? '',
        a.limit ?? (a.limitValue ? limitText(a.limitValue) : ''),
        byBody ? '' : right?.reporting ? 'Ja' : 'Nej',
        a.remark ?? '',
        marks ? marks.join(', ') : '',
      ],
      ...(marks && { marked: true }),
    });
  }
  const after = k === 0 ? 'Nuläge' : `Efter etapp ${k}: ${plan.stages[k - 1]?.name ?? ''}`;
  return {
    sheet: 'Delegationsordning',
    title: [`Delegationsordning för ${body?.name ?? 'nämnden'}`, `${plan.title}. ${after}.`],
    header: [...ORDINANCE_EXPORT_HEADER],
    rows,
  };
}

function changeMarks(from: PlanState, to: PlanState): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  const diff = diffStates(from, to);
  for (const area of diff.areas) if (area.kinds.includes('added') || area.kinds.includes('reinstated')) marks.set(area.decisionAreaId, ['ny']);
  for (const right of diff.rights) {
    if (marks.has(right.decisionAreaId)) continue;
    const kinds = right.kinds.filter((kind) => kind !== 'removed' && kind !== 'added');
    if (kinds.length)
      marks.set(
        right.decisionAreaId,
        kinds.map((kind) => CHANGE_TEXT[kind]),
      );
  }
  for (const area of diff.areas)
    if (!marks.has(area.decisionAreaId) && area.kinds.includes('edited')) marks.set(area.decisionAreaId, ['ändrat ärende']);
  return marks;
}

const stageName = (plan: Plan, k: number) => (k === 0 ? 'Nuläge' : `Etapp ${k}: ${plan.stages[k - 1]?.name ?? ''}`);

/** Decision areas × states: the decider and level in each, what each stage changed marked. */
export function matrixTable(plan: Plan, analysis: Pick<Analysis, 'states' | 'diffs'>): ExportTable {
  const { states, diffs } = analysis;
  const names = new Map<string, string>();
  for (const state of states) for (const actor of state.actors.values()) names.set(actor.id, actor.name);
  const kindsAt = diffs.map((diff) => new Map(diff.rights.map((d) => [d.decisionAreaId, d.kinds])));
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const state of states) for (const id of state.areas.keys()) if (!seen.has(id) && seen.add(id)) ids.push(id);
  const rows: ExportRow[] = ids.map((id) => {
    const area = states.map((s) => s.areas.get(id)).find((a) => a !== undefined);
    let changed = false;
    const cells = states.map((state, k) => {
      const right = state.rights.get(id);
      const kinds = k === 0 ? [] : (kindsAt[k - 1].get(id) ?? []);
      if (kinds.length) changed = true;
      if (state.areas.get(id)?.retired || !state.areas.has(id))
        return kinds.length ? `(upphör: ${kinds.map((x) => CHANGE_TEXT[x]).join(', ')})` : '–';
      if (!right) return '';
      const who = `${names.get(right.deciderId) ?? right.deciderId}, nivå ${right.level}`;
      return kinds.length ? `${who} (${kinds.map((x) => CHANGE_TEXT[x]).join(', ')})` : who;
    });
    return { cells: [area?.code ?? id, area?.title ?? '', area?.section ?? '', ...cells], ...(changed ? { marked: true } : {}) };
  });
  return {
    sheet: 'Införandematris',
    title: [`Införandematris: ${plan.title}`],
    header: ['Nr', 'Beslutsområde', 'Avsnitt', ...states.map((_, k) => stageName(plan, k))],
    rows,
  };
}

const DEVELOPMENT_TEXT: Record<DevelopmentKind, string> = {
  training: 'Utbildning',
  recruitment: 'Rekrytering',
  mentoring: 'Mentorskap',
  coaching: 'Coachning',
  other: 'Annan insats',
};

const SEVERITY_TEXT = { blocker: 'Blockerande', warning: 'Varning', info: 'Information' } as const;

/**
 * The findings of the checks, by state, in Swedish (or English), with the suggested fix. A finding is one
 * cause: its message names the first five decision areas, the last column lists every one it concerns.
 */
export function findingsTable(plan: Plan, analysis: Pick<Analysis, 'findings'>, language: 'sv' | 'en' = 'sv'): ExportTable {
  const sv = language === 'sv';
  const codes = new Map(plan.decisionAreas.map((a) => [a.id, a.code]));
  for (const stage of plan.stages)
    for (const c of stage.changes)
      if (c.type === 'add_decision_area' && !codes.has(c.decisionArea.id)) codes.set(c.decisionArea.id, c.decisionArea.code);
  return {
    sheet: sv ? 'Varningar' : 'Findings',
    title: [sv ? `Varningar: ${plan.title}` : `Findings: ${plan.title}`],
    header: sv
      ? ['Läge', 'Allvar', 'Regel', 'Varning', 'Åtgärd', 'Beslutsområden']
      : ['State', 'Severity', 'Rule', 'Finding', 'Fix', 'Decision areas'],
    rows: analysis.findings.map((f) => ({
      cells: [
        f.stageIndex === null ? (sv ? 'Planen som helhet' : 'The plan as a whole') : stageName(plan, f.stageIndex),
        sv ? SEVERITY_TEXT[f.severity] : f.severity,
        f.rule,
        f.message[language],
        f.fix[language],
        f.subjects
          .filter((x) => x.type === 'decisionArea')
          .map((x) => codes.get(x.id) ?? '')
          .filter((code) => code !== '')
          .join(', '),
      ],
      ...(f.severity === 'blocker' && { marked: true }),
    })),
  };
}

/** The competence gaps of each state: who lacks what for which decisions, and whether an action closes it in time. */
export function gapsTable(plan: Plan, analysis: Pick<Analysis, 'gaps' | 'states'>): ExportTable {
  const competence = new Map(plan.competences.map((c) => [c.id, c.name]));
  const actions = new Map(
    plan.developmentActions.map((d) => [d.id, [DEVELOPMENT_TEXT[d.kind], d.description].filter(Boolean).join(': ').slice(0, 120)]),
  );
  const rows: ExportRow[] = [];
  analysis.gaps.forEach((gaps, k) => {
    const state = analysis.states[k];
    for (const g of gaps) {
      rows.push({
        cells: [
          stageName(plan, k),
          state.actors.get(g.actorId)?.name ?? g.actorId,
          competence.get(g.competenceId) ?? g.competenceId,
          String(g.required),
          String(g.held),
          g.decisionAreaIds.map((id) => state.areas.get(id)?.code ?? id).join(', '),
          g.status === 'open' ? 'Öppet' : 'Stängt',
          [...g.closingActionIds.map((id) => actions.get(id) ?? id), ...g.lateActionIds.map((id) => `${actions.get(id) ?? id} (för sent)`)].join(
            ', ',
          ),
        ],
        ...(g.status === 'open' && { marked: true }),
      });
    }
  });
  return {
    sheet: 'Kompetensgap',
    title: [`Kompetensgap: ${plan.title}`],
    header: ['Läge', 'Aktör', 'Kompetens', 'Krävd nivå', 'Nivå vid etappstart', 'Beslutsområden', 'Status', 'Insatser'],
    rows,
  };
}
