import {
  Analysis,
  competenceHeatMap,
  CompetenceHeatMap,
  competenceLedger,
  DevelopmentAction,
  developmentPlan,
  DevelopmentPlan,
  GapRow,
  gapList,
  GapStatus,
  Plan,
  singleHolders,
  whatIf,
  WhatIf,
} from '@tillit/domain';

// The competence views as the analysis worker answers them: a page at a time where lists are long, so that
// no answer is large enough to block the page while it is read.

export const GAP_STATUSES: GapStatus[] = ['open', 'closed_too_late', 'too_low', 'closed_in_time'];

export interface GapFilter {
  status: GapStatus | '';
  /** Words in the actor's or competence's name. */
  text: string;
}

export interface ShownSingleHolder {
  competenceId: string;
  competenceName: string;
  level: number;
  actorId: string;
  actorName: string;
  decisionAreas: Array<{ id: string; label: string }>;
}

export interface GapPage {
  stageIndex: number;
  /** All gaps of the stage by status, before the filter. */
  counts: Record<GapStatus, number>;
  /** How many match the filter. */
  matched: number;
  offset: number;
  rows: GapRow[];
  singleHolders: ShownSingleHolder[];
}

const clampStage = (analysis: Pick<Analysis, 'states'>, k: number) => Math.max(0, Math.min(k, analysis.states.length - 1));

export function matchesGap(row: GapRow, filter: GapFilter): boolean {
  if (filter.status && row.status !== filter.status) return false;
  const words = filter.text.trim().toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${row.actorName} ${row.competenceName}`.toLocaleLowerCase('sv');
  return words.every((w) => text.includes(w));
}

/** The competence levels only one actor holds at a stage, named. */
export function shownSingleHolders(plan: Plan, analysis: Pick<Analysis, 'states'>, stageIndex: number): ShownSingleHolder[] {
  const state = analysis.states[clampStage(analysis, stageIndex)];
  const names = new Map(plan.competences.map((c) => [c.id, c.name]));
  return singleHolders(
    state,
    competenceLedger(plan),
    plan.competences.map((c) => c.id),
  ).map((s) => ({
    competenceId: s.competenceId,
    competenceName: names.get(s.competenceId) ?? s.competenceId,
    level: s.level,
    actorId: s.actorId,
    actorName: state.actors.get(s.actorId)?.name ?? s.actorId,
    decisionAreas: s.decisionAreaIds.map((id) => {
      const a = state.areas.get(id);
      return { id, label: a ? `${a.code} ${a.title}` : id };
    }),
  }));
}

function page(rows: GapRow[], stageIndex: number, filter: GapFilter, offset: number, limit: number): Omit<GapPage, 'singleHolders'> {
  const counts: Record<GapStatus, number> = { open: 0, closed_in_time: 0, closed_too_late: 0, too_low: 0 };
  for (const r of rows) counts[r.status]++;
  const matched = rows.filter((r) => matchesGap(r, filter));
  const start = Math.max(0, Math.min(offset, Math.max(0, matched.length - 1)));
  return { stageIndex, counts, matched: matched.length, offset: start, rows: matched.slice(start, start + limit) };
}

export function gapPage(plan: Plan, analysis: Analysis, stageIndex: number, filter: GapFilter, offset: number, limit: number): GapPage {
  const k = clampStage(analysis, stageIndex);
  return { ...page(gapList(plan, analysis, k), k, filter, offset, limit), singleHolders: shownSingleHolders(plan, analysis, k) };
}

/** Development actions the user tries out: new or changed ones (by id), and ones left out. Small, whatever the plan's size. */
export interface ActionEdits {
  upserts: DevelopmentAction[];
  removed: string[];
}

export function withEdits(actions: readonly DevelopmentAction[], edits: ActionEdits): DevelopmentAction[] {
  const changed = new Map(edits.upserts.map((a) => [a.id, a]));
  const removed = new Set(edits.removed);
  const out = actions.filter((a) => !removed.has(a.id)).map((a) => changed.get(a.id) ?? a);
  for (const a of edits.upserts) if (!actions.some((b) => b.id === a.id) && !removed.has(a.id)) out.push(a);
  return out;
}

/** Changes beyond this are only counted. */
export const WHAT_IF_SHOWN = 200;

/** A what-if as the page shows it: what the changed actions change, and the totals. */
export interface ShownWhatIf {
  changes: WhatIf['changes'];
  changeCount: number;
  openByStage: WhatIf['openByStage'];
  totals: Pick<DevelopmentPlan, 'byStage' | 'total'>;
}

export function shownWhatIf(plan: Plan, analysis: Analysis, edits: ActionEdits, stageIndex: number): ShownWhatIf {
  const result = whatIf(plan, analysis, withEdits(plan.developmentActions, edits), clampStage(analysis, stageIndex));
  return {
    changes: result.changes.slice(0, WHAT_IF_SHOWN),
    changeCount: result.changes.length,
    openByStage: result.openByStage,
    totals: { byStage: result.plan.byStage, total: result.plan.total },
  };
}

export function heatMap(plan: Plan, analysis: Analysis, stageIndex: number, compareIndex: number | null): CompetenceHeatMap {
  return competenceHeatMap(plan, analysis, stageIndex, compareIndex);
}

/** The development plan with a page of its actions (a large plan has thousands). */
export interface DevelopmentPlanPage extends Omit<DevelopmentPlan, 'actions'> {
  matched: number;
  offset: number;
  rows: DevelopmentPlan['actions'];
}

export function developmentPlanPage(plan: Plan, analysis: Analysis, onlyLate: boolean, offset: number, limit: number): DevelopmentPlanPage {
  const { actions, ...rest } = developmentPlan(plan, analysis, analysis.gaps);
  const matched = onlyLate ? actions.filter((a) => a.lateFor.length > 0 || a.lowFor.length > 0) : actions;
  const start = Math.max(0, Math.min(offset, Math.max(0, matched.length - 1)));
  return { ...rest, matched: matched.length, offset: start, rows: matched.slice(start, start + limit) };
}
