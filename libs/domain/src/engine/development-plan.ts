import { DevelopmentAction, Plan } from '../model/types';
import { Analysis, gapAreas } from './analyse';
import { GapRow, gapList, GapStatus, gapStatus } from './competence-view';
import { CompetenceGap, competenceLedger, GapTracker } from './gaps';
import { PlanState } from './state';

// HR's development plan (issue 13 item 3): the actions against the stages, what each closes, the cost and
// effort per stage and per unit, and a what-if that runs the gaps again with changed actions.

const collator = new Intl.Collator('sv');

export interface DevelopmentPlanRow {
  action: DevelopmentAction;
  actorName: string;
  competenceName: string;
  /** The stage it is done before (null: a stage the plan does not have) and that stage's start date. */
  beforeStageIndex: number | null;
  doneBy: string | null;
  /** The unit it belongs to: the actor, or the nearest above it, that is a unit or a manager (its head). */
  unitId: string | null;
  unitName: string | null;
  /** Stages at which it closes the actor's gap in time. */
  closes: number[];
  /** Stages at which the gap is open and this action, done later, would close it: it is late for them. */
  lateFor: number[];
  /** Stages at which it is done in time but its target is below what is required. */
  lowFor: number[];
}

export interface Totals {
  count: number;
  costSek: number;
  effortHours: number;
}

export interface DevelopmentPlan {
  stages: Array<{ index: number; id: string; name: string; startDate: string | null }>;
  /** By the stage they are done before, then actor and competence. */
  actions: DevelopmentPlanRow[];
  byStage: Array<Totals & { stageIndex: number }>;
  /** By unit name; actions of actors in no unit last (unitId null). */
  byUnit: Array<Totals & { unitId: string | null; unitName: string | null }>;
  total: Totals;
}

const UNIT_KINDS = new Set(['unit', 'manager']);

/** The unit of an actor in a state: itself or the nearest above it that is a unit or a manager. */
export function unitOf(state: PlanState, actorId: string): string | null {
  const seen = new Set<string>();
  let id: string | null | undefined = actorId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const actor = state.actors.get(id);
    if (!actor) return null;
    if (UNIT_KINDS.has(actor.kind)) return actor.id;
    id = actor.reportsTo;
  }
  return null;
}

const add = (t: Totals, a: DevelopmentAction) => {
  t.count++;
  t.costSek += a.costSek ?? 0;
  t.effortHours += a.effortHours ?? 0;
};
const noTotals = (): Totals => ({ count: 0, costSek: 0, effortHours: 0 });

/**
 * The development plan of a plan and its gaps (`gaps`: the analysis' own, or a what-if's). Each action is
 * placed before the stage it is done by, with what it closes and where it comes too late.
 */
export function developmentPlan(plan: Plan, analysis: Pick<Analysis, 'states'>, gaps: CompetenceGap[][]): DevelopmentPlan {
  const stageIndexOf = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const last = analysis.states[analysis.states.length - 1];
  const competences = new Map(plan.competences.map((c) => [c.id, c.name]));
  const roles = new Map<string, { closes: number[]; lateFor: number[]; lowFor: number[] }>();
  const roleOf = (id: string) => {
    let r = roles.get(id);
    if (!r) roles.set(id, (r = { closes: [], lateFor: [], lowFor: [] }));
    return r;
  };
  gaps.forEach((stateGaps, k) => {
    if (k === 0) return;
    for (const g of stateGaps) {
      if (g.status === 'closed') for (const id of g.closingActionIds) roleOf(id).closes.push(k);
      for (const id of g.lateActionIds) roleOf(id).lateFor.push(k);
      for (const id of g.lowActionIds ?? []) roleOf(id).lowFor.push(k);
    }
  });
  const rows = plan.developmentActions.map((action): DevelopmentPlanRow => {
    const index = stageIndexOf.get(action.beforeStageId) ?? null;
    // The organisation as the action is done: the state before its stage.
    const state = analysis.states[index === null ? analysis.states.length - 1 : index - 1] ?? last;
    const actor = state.actors.get(action.actorId) ?? last.actors.get(action.actorId);
    const unitId = unitOf(state, action.actorId) ?? unitOf(last, action.actorId);
    const r = roles.get(action.id) ?? { closes: [], lateFor: [], lowFor: [] };
    return {
      action,
      actorName: actor?.name ?? action.actorId,
      competenceName: competences.get(action.competenceId) ?? action.competenceId,
      beforeStageIndex: index,
      doneBy: index === null ? null : (plan.stages[index - 1].startDate ?? null),
      unitId,
      unitName: unitId ? ((state.actors.get(unitId) ?? last.actors.get(unitId))?.name ?? unitId) : null,
      closes: r.closes,
      lateFor: r.lateFor,
      lowFor: r.lowFor,
    };
  });
  rows.sort(
    (a, b) =>
      (a.beforeStageIndex ?? Infinity) - (b.beforeStageIndex ?? Infinity) ||
      collator.compare(a.actorName, b.actorName) ||
      collator.compare(a.competenceName, b.competenceName),
  );
  const byStage = plan.stages.map((_, i) => ({ stageIndex: i + 1, ...noTotals() }));
  const units = new Map<string | null, Totals & { unitId: string | null; unitName: string | null }>();
  const total = noTotals();
  for (const row of rows) {
    add(total, row.action);
    if (row.beforeStageIndex !== null) add(byStage[row.beforeStageIndex - 1], row.action);
    let unit = units.get(row.unitId);
    if (!unit) units.set(row.unitId, (unit = { unitId: row.unitId, unitName: row.unitName, ...noTotals() }));
    add(unit, row.action);
  }
  const byUnit = [...units.values()].sort((a, b) => (a.unitName === null ? 1 : b.unitName === null ? -1 : collator.compare(a.unitName, b.unitName)));
  return {
    stages: plan.stages.map((s, i) => ({ index: i + 1, id: s.id, name: s.name, startDate: s.startDate ?? null })),
    actions: rows,
    byStage,
    byUnit,
    total,
  };
}

/** The gaps of every state with other development actions: states and rights stay, only the ledger changes. */
export function gapsWithActions(plan: Plan, analysis: Pick<Analysis, 'states' | 'diffs'>, actions: DevelopmentAction[]): CompetenceGap[][] {
  const tracker = new GapTracker(competenceLedger({ ...plan, developmentActions: actions }));
  return analysis.states.map((state, k) => tracker.advance(state, k === 0 ? null : gapAreas(analysis.diffs[k - 1])));
}

export interface GapChange {
  stageIndex: number;
  actorId: string;
  actorName: string;
  competenceId: string;
  competenceName: string;
  /** null: no gap there (e.g. the decision moved). */
  before: GapStatus | null;
  after: GapStatus | null;
}

export interface WhatIf {
  /** The gap list at the chosen stage with the changed actions. */
  gaps: GapRow[];
  /** Every gap, at any stage, whose status the changed actions change. */
  changes: GapChange[];
  /** Open gaps (not closed in time) per stage, with the plan's actions and with the changed ones. */
  openByStage: Array<{ stageIndex: number; before: number; after: number }>;
  plan: DevelopmentPlan;
}

/**
 * What changes if the development actions were `actions` instead of the plan's: which gaps close (or open)
 * at which stage, the gap list at `stageIndex` and the development plan. Nothing is saved.
 */
export function whatIf(plan: Plan, analysis: Pick<Analysis, 'states' | 'diffs' | 'gaps'>, actions: DevelopmentAction[], stageIndex: number): WhatIf {
  const changed: Plan = { ...plan, developmentActions: actions };
  const after = gapsWithActions(plan, analysis, actions);
  const changes: GapChange[] = [];
  const competences = new Map(plan.competences.map((c) => [c.id, c.name]));
  const openByStage: WhatIf['openByStage'] = [];
  analysis.states.forEach((state, k) => {
    if (k === 0) return;
    const before = new Map((analysis.gaps[k] ?? []).map((g) => [`${g.actorId}|${g.competenceId}`, g]));
    const now = new Map((after[k] ?? []).map((g) => [`${g.actorId}|${g.competenceId}`, g]));
    openByStage.push({
      stageIndex: k,
      before: [...before.values()].filter((g) => g.status === 'open').length,
      after: [...now.values()].filter((g) => g.status === 'open').length,
    });
    for (const key of new Set([...before.keys(), ...now.keys()])) {
      const b = before.get(key);
      const a = now.get(key);
      const bs = b ? gapStatus(b) : null;
      const as = a ? gapStatus(a) : null;
      if (bs === as) continue;
      const g = (a ?? b) as CompetenceGap;
      changes.push({
        stageIndex: k,
        actorId: g.actorId,
        actorName: state.actors.get(g.actorId)?.name ?? g.actorId,
        competenceId: g.competenceId,
        competenceName: competences.get(g.competenceId) ?? g.competenceId,
        before: bs,
        after: as,
      });
    }
  });
  changes.sort(
    (x, y) => x.stageIndex - y.stageIndex || collator.compare(x.actorName, y.actorName) || collator.compare(x.competenceName, y.competenceName),
  );
  const withAfter = { states: analysis.states, gaps: after };
  return { gaps: gapList(changed, withAfter, stageIndex), changes, openByStage, plan: developmentPlan(changed, analysis, after) };
}
