import { Competence, DevelopmentAction, Plan } from '../model/types';
import { compareCodes } from '../rules/text';
import type { Analysis } from './analyse';
import { needsAt, heldAt } from './competence-needs';
import { CompetenceGap, CompetenceLedger, competenceLedger } from './gaps';
import { PlanState } from './state';

// What HR sees of competence at a stage (issue 13): the heat map of actors × competences and the gap list.
// Pure functions of the plan and its analysis; the web asks for them through the analysis worker.

const collator = new Intl.Collator('sv');

/** An actor as a row of the heat map, in hierarchy order. */
export interface HeatMapActor {
  id: string;
  name: string;
  kind: string;
  /** The actor above it among the rows (null at the top). */
  parentId: string | null;
  depth: number;
  /** How many rows below it (its whole subtree). */
  descendants: number;
}

export interface CompetenceHeatMap {
  stageIndex: number;
  /** The state compared with (null: none), e.g. the one before the stage. */
  compareIndex: number | null;
  competences: Array<Pick<Competence, 'id' | 'name' | 'category'>>;
  actors: HeatMapActor[];
  /**
   * Row-major, actors × competences: the level held when the stage starts and the level its decisions
   * require (0: none). Typed arrays keep a 2,000 × 50 map cheap to send from the worker.
   */
  held: Uint8Array;
  required: Uint8Array;
  /** The same at the compared state (null without one); an actor not in force then holds and needs 0 there. */
  compareHeld: Uint8Array | null;
  compareRequired: Uint8Array | null;
}

const CATEGORY_ORDER: Record<Competence['category'], number> = { domain: 0, organisational: 1, leadership: 2 };

/** Competences by category (fackkunskap, organisatorisk, ledarskap), then name. */
export function orderedCompetences(plan: Plan): Competence[] {
  return [...plan.competences].sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || collator.compare(a.name, b.name));
}

/** The actors in force at a state, depth first from the top, siblings by name. */
export function hierarchyRows(state: PlanState): HeatMapActor[] {
  const actors = [...state.actors.values()].filter((a) => !a.retired);
  const inForce = new Set(actors.map((a) => a.id));
  const children = new Map<string | null, typeof actors>();
  for (const a of actors) {
    const parent = a.reportsTo && inForce.has(a.reportsTo) && a.reportsTo !== a.id ? a.reportsTo : null;
    const list = children.get(parent);
    if (list) list.push(a);
    else children.set(parent, [a]);
  }
  for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  const rows: HeatMapActor[] = [];
  const seen = new Set<string>();
  const visit = (actor: (typeof actors)[number], parentId: string | null, depth: number) => {
    // Iterative, so that a deep hierarchy cannot overflow the stack.
    const stack: Array<{ actor: typeof actor; parentId: string | null; depth: number }> = [{ actor, parentId, depth }];
    const open: Array<{ row: HeatMapActor; at: number }> = [];
    while (stack.length) {
      const item = stack.pop() as (typeof stack)[number];
      while (open.length && open[open.length - 1].row.depth >= item.depth) {
        const done = open.pop() as (typeof open)[number];
        done.row.descendants = rows.length - done.at - 1;
      }
      if (seen.has(item.actor.id)) continue;
      seen.add(item.actor.id);
      const row: HeatMapActor = {
        id: item.actor.id,
        name: item.actor.name,
        kind: item.actor.kind,
        parentId: item.parentId,
        depth: item.depth,
        descendants: 0,
      };
      open.push({ row, at: rows.length });
      rows.push(row);
      const below = children.get(item.actor.id) ?? [];
      for (let i = below.length - 1; i >= 0; i--) stack.push({ actor: below[i], parentId: item.actor.id, depth: item.depth + 1 });
    }
    while (open.length) {
      const done = open.pop() as (typeof open)[number];
      done.row.descendants = rows.length - done.at - 1;
    }
  };
  for (const top of children.get(null) ?? []) visit(top, null, 0);
  // Actors in a reportsTo cycle have no top: they come last, each as a top of its own.
  for (const a of actors.filter((x) => !seen.has(x.id)).sort((x, y) => collator.compare(x.name, y.name))) visit(a, null, 0);
  return rows;
}

function levels(state: PlanState, ledger: CompetenceLedger, actors: HeatMapActor[], competences: Array<{ id: string }>) {
  const needs = needsAt(state);
  const held = new Uint8Array(actors.length * competences.length);
  const required = new Uint8Array(actors.length * competences.length);
  actors.forEach((actor, row) => {
    const byCompetence = needs.get(actor.id);
    const inForce = state.actors.get(actor.id);
    competences.forEach((c, col) => {
      const i = row * competences.length + col;
      if (inForce && !inForce.retired) held[i] = heldAt(ledger, actor.id, c.id, state.index);
      required[i] = byCompetence?.get(c.id)?.level ?? 0;
    });
  });
  return { held, required };
}

/**
 * Actors × competences at state `stageIndex`: what each holds when the stage starts and what its decisions
 * require, and the same at `compareIndex` (e.g. the state before, to see what the stage newly requires).
 * `actions`: development actions instead of the plan's (a what-if).
 */
export function competenceHeatMap(
  plan: Plan,
  analysis: Pick<Analysis, 'states'>,
  stageIndex: number,
  compareIndex: number | null,
  actions?: DevelopmentAction[],
): CompetenceHeatMap {
  const last = analysis.states.length - 1;
  const k = Math.max(0, Math.min(stageIndex, last));
  const c = compareIndex === null ? null : Math.max(0, Math.min(compareIndex, last));
  const ledger = competenceLedger(actions ? { ...plan, developmentActions: actions } : plan);
  const competences = orderedCompetences(plan).map(({ id, name, category }) => ({ id, name, category }));
  const actors = hierarchyRows(analysis.states[k]);
  const now = levels(analysis.states[k], ledger, actors, competences);
  const then = c === null ? null : levels(analysis.states[c], ledger, actors, competences);
  return {
    stageIndex: k,
    compareIndex: c,
    competences,
    actors,
    held: now.held,
    required: now.required,
    compareHeld: then?.held ?? null,
    compareRequired: then?.required ?? null,
  };
}

/**
 * A gap's status as HR reads it: open (nothing planned), closed in time, closed too late (an action that
 * would close it is done only before a later stage), or not closed by the planned action (done in time, but
 * its target level is below the requirement).
 */
export type GapStatus = 'open' | 'closed_in_time' | 'closed_too_late' | 'too_low';

export function gapStatus(gap: CompetenceGap): GapStatus {
  if (gap.status === 'closed') return 'closed_in_time';
  if (gap.lateActionIds.length > 0) return 'closed_too_late';
  if ((gap.lowActionIds ?? []).length > 0) return 'too_low';
  return 'open';
}

export interface GapAction {
  id: string;
  kind: DevelopmentAction['kind'];
  description: string | null;
  owner: string | null;
  targetLevel: number;
  /** The stage it is done before (its index; null for a stage the plan no longer has). */
  beforeStageIndex: number | null;
  /** That stage's start date, when it has one. */
  doneBy: string | null;
  /** closes: done in time and reaches the level; late: reaches it, too late; low: in time, too low. */
  role: 'closes' | 'late' | 'low';
}

export interface GapRow {
  stageIndex: number;
  actorId: string;
  actorName: string;
  competenceId: string;
  competenceName: string;
  category: Competence['category'];
  required: number;
  /** When the stage starts, actions done by then included. */
  held: number;
  heldAtBaseline: number;
  /** The decision areas that cause it, in ordinance order. */
  decisionAreas: Array<{ id: string; label: string }>;
  /** The first stage of the unbroken run of stages, up to this one, in which the actor lacks it at baseline level. */
  opensAt: number;
  status: GapStatus;
  actions: GapAction[];
}

/** The gaps of one state as HR's list: one row per actor and competence, by actor name, then competence. */
export function gapList(plan: Plan, analysis: Pick<Analysis, 'states' | 'gaps'>, stageIndex: number): GapRow[] {
  const k = Math.max(0, Math.min(stageIndex, analysis.states.length - 1));
  const state = analysis.states[k];
  const competences = new Map(plan.competences.map((c) => [c.id, c]));
  const actions = new Map(plan.developmentActions.map((a) => [a.id, a]));
  const stageIndexOf = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const last = analysis.states[analysis.states.length - 1];
  const actorName = (id: string) => (state.actors.get(id) ?? last.actors.get(id))?.name ?? id;
  const area = (id: string) => state.areas.get(id) ?? last.areas.get(id);
  // Pairs that are gaps at each earlier state, to find where the run up to k starts.
  const pairs = (i: number) => new Set((analysis.gaps[i] ?? []).map((g) => `${g.actorId}|${g.competenceId}`));
  const earlier: Array<Set<string>> = [];
  for (let i = 0; i < k; i++) earlier.push(pairs(i));
  const gapAction = (id: string, role: GapAction['role']): GapAction | null => {
    const a = actions.get(id);
    if (!a) return null;
    const index = stageIndexOf.get(a.beforeStageId) ?? null;
    return {
      id,
      kind: a.kind,
      description: a.description ?? null,
      owner: a.owner ?? null,
      targetLevel: a.targetLevel,
      beforeStageIndex: index,
      doneBy: index === null ? null : (plan.stages[index - 1].startDate ?? null),
      role,
    };
  };
  const rows = (analysis.gaps[k] ?? []).map((g): GapRow => {
    const key = `${g.actorId}|${g.competenceId}`;
    let opensAt = k;
    while (opensAt > 0 && earlier[opensAt - 1].has(key)) opensAt--;
    const competence = competences.get(g.competenceId);
    const areaIds = [...g.decisionAreaIds].sort((a, b) => compareCodes(area(a)?.code ?? a, area(b)?.code ?? b));
    return {
      stageIndex: k,
      actorId: g.actorId,
      actorName: actorName(g.actorId),
      competenceId: g.competenceId,
      competenceName: competence?.name ?? g.competenceId,
      category: competence?.category ?? 'domain',
      required: g.required,
      held: g.held,
      heldAtBaseline: g.heldAtBaseline,
      decisionAreas: areaIds.map((id) => {
        const a = area(id);
        return { id, label: a ? `${a.code} ${a.title}` : id };
      }),
      opensAt,
      status: gapStatus(g),
      actions: [
        ...g.closingActionIds.map((id) => gapAction(id, 'closes')),
        ...g.lateActionIds.map((id) => gapAction(id, 'late')),
        ...(g.lowActionIds ?? []).map((id) => gapAction(id, 'low')),
      ].filter((a): a is GapAction => a !== null),
    };
  });
  return rows.sort((a, b) => collator.compare(a.actorName, b.actorName) || collator.compare(a.competenceName, b.competenceName));
}
