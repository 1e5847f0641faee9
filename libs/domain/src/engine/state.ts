import { Actor, Change, DecisionArea, DecisionRight, Plan } from '../model/types';

export interface ActorState extends Actor {
  retired: boolean;
}

export interface AreaState extends DecisionArea {
  retired: boolean;
}

/** Who holds what at one point of the plan: index 0 is the baseline, index k the state after stage k. */
export interface PlanState {
  index: number;
  stageId: string | null;
  actors: ReadonlyMap<string, ActorState>;
  areas: ReadonlyMap<string, AreaState>;
  /** The decision right of each decision area that has a decider, by decision area id. */
  rights: ReadonlyMap<string, DecisionRight>;
}

export type NotApplicableReason =
  | 'area_missing'
  | 'area_retired'
  | 'actor_missing'
  | 'actor_retired'
  | 'no_decider'
  | 'duplicate_id'
  | 'hierarchy_cycle';

export interface ChangeOutcome {
  stageIndex: number;
  stageId: string;
  change: Change;
  applied: boolean;
  reason?: NotApplicableReason;
  /** The id the reason is about (the missing actor, the retired area…). */
  subjectId?: string;
}

/** Problems of the baseline itself, found while building state 0. */
export interface BaselineIssue {
  kind: 'two_deciders';
  decisionAreaId: string;
  deciderIds: string[];
}

export interface Fold {
  states: PlanState[];
  /** Outcome of every change, stage by stage, in order. */
  outcomes: ChangeOutcome[][];
  baselineIssues: BaselineIssue[];
}

function baselineState(plan: Plan): { state: PlanState; issues: BaselineIssue[] } {
  const actors = new Map<string, ActorState>();
  for (const actor of plan.actors) actors.set(actor.id, { ...actor, retired: false });
  const areas = new Map<string, AreaState>();
  for (const area of plan.decisionAreas) areas.set(area.id, { ...area, retired: false });
  const rights = new Map<string, DecisionRight>();
  const duplicates = new Map<string, string[]>();
  for (const right of plan.baseline) {
    const existing = rights.get(right.decisionAreaId);
    if (existing) {
      const list = duplicates.get(right.decisionAreaId) ?? [existing.deciderId];
      list.push(right.deciderId);
      duplicates.set(right.decisionAreaId, list);
      continue;
    }
    rights.set(right.decisionAreaId, right);
  }
  const issues: BaselineIssue[] = [...duplicates].map(([decisionAreaId, deciderIds]) => ({
    kind: 'two_deciders',
    decisionAreaId,
    deciderIds,
  }));
  return { state: { index: 0, stageId: null, actors, areas, rights }, issues };
}

type Mutable = { actors: Map<string, ActorState>; areas: Map<string, AreaState>; rights: Map<string, DecisionRight> };
type Result = { reason: NotApplicableReason; subjectId: string } | null;

function activeActor(s: Mutable, id: string | null | undefined): Result {
  if (id === null || id === undefined) return null;
  const actor = s.actors.get(id);
  if (!actor) return { reason: 'actor_missing', subjectId: id };
  if (actor.retired) return { reason: 'actor_retired', subjectId: id };
  return null;
}

function activeArea(s: Mutable, id: string): Result {
  const area = s.areas.get(id);
  if (!area) return { reason: 'area_missing', subjectId: id };
  if (area.retired) return { reason: 'area_retired', subjectId: id };
  return null;
}

function firstProblem(...checks: Array<() => Result>): Result {
  for (const check of checks) {
    const result = check();
    if (result) return result;
  }
  return null;
}

function rightOf(s: Mutable, areaId: string): Result {
  return s.rights.has(areaId) ? null : { reason: 'no_decider', subjectId: areaId };
}

function actorsActive(s: Mutable, ids: readonly string[]): Result {
  for (const id of ids) {
    const problem = activeActor(s, id);
    if (problem) return problem;
  }
  return null;
}

function isBelow(s: Mutable, candidate: string, ancestor: string): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = candidate;
  while (current && !seen.has(current)) {
    if (current === ancestor) return true;
    seen.add(current);
    current = s.actors.get(current)?.reportsTo;
  }
  return false;
}

/** Applies one change in place; answers why it does not apply, or null when it did. */
export function applyChange(s: Mutable, change: Change): Result {
  switch (change.type) {
    case 'move_decision': {
      const problem = firstProblem(
        () => activeArea(s, change.decisionAreaId),
        () => activeActor(s, change.toDeciderId),
        () => activeActor(s, change.delegatorId),
      );
      if (problem) return problem;
      const current = s.rights.get(change.decisionAreaId);
      const deciderChanged = !current || current.deciderId !== change.toDeciderId;
      s.rights.set(change.decisionAreaId, {
        decisionAreaId: change.decisionAreaId,
        deciderId: change.toDeciderId,
        delegatorId: change.delegatorId !== undefined ? change.delegatorId : (current?.delegatorId ?? null),
        level: change.level ?? current?.level ?? 7,
        consulted: current?.consulted ?? [],
        informed: current?.informed ?? [],
        reporting: current?.reporting ?? null,
        mayDelegateFurther: change.mayDelegateFurther ?? (deciderChanged ? false : (current?.mayDelegateFurther ?? false)),
      });
      return null;
    }
    case 'set_level': {
      const problem = firstProblem(() => activeArea(s, change.decisionAreaId), () => rightOf(s, change.decisionAreaId));
      if (problem) return problem;
      const current = s.rights.get(change.decisionAreaId) as DecisionRight;
      s.rights.set(change.decisionAreaId, { ...current, level: change.level });
      return null;
    }
    case 'set_consultation': {
      const problem = firstProblem(
        () => activeArea(s, change.decisionAreaId),
        () => rightOf(s, change.decisionAreaId),
        () => actorsActive(s, [...(change.consulted ?? []), ...(change.informed ?? [])]),
      );
      if (problem) return problem;
      const current = s.rights.get(change.decisionAreaId) as DecisionRight;
      s.rights.set(change.decisionAreaId, {
        ...current,
        consulted: change.consulted ?? current.consulted,
        informed: change.informed ?? current.informed,
      });
      return null;
    }
    case 'set_reporting': {
      const problem = firstProblem(
        () => activeArea(s, change.decisionAreaId),
        () => rightOf(s, change.decisionAreaId),
        () => activeActor(s, change.reporting?.toId),
      );
      if (problem) return problem;
      const current = s.rights.get(change.decisionAreaId) as DecisionRight;
      s.rights.set(change.decisionAreaId, { ...current, reporting: change.reporting });
      return null;
    }
    case 'add_actor': {
      if (s.actors.has(change.actor.id)) return { reason: 'duplicate_id', subjectId: change.actor.id };
      const problem = activeActor(s, change.actor.reportsTo);
      if (problem) return problem;
      s.actors.set(change.actor.id, { ...change.actor, retired: false });
      return null;
    }
    case 'retire_actor': {
      const problem = activeActor(s, change.actorId);
      if (problem) return problem;
      s.actors.set(change.actorId, { ...(s.actors.get(change.actorId) as ActorState), retired: true });
      return null;
    }
    case 'move_actor': {
      const problem = firstProblem(
        () => activeActor(s, change.actorId),
        () => activeActor(s, change.reportsTo),
      );
      if (problem) return problem;
      if (change.reportsTo && isBelow(s, change.reportsTo, change.actorId)) {
        return { reason: 'hierarchy_cycle', subjectId: change.actorId };
      }
      s.actors.set(change.actorId, { ...(s.actors.get(change.actorId) as ActorState), reportsTo: change.reportsTo });
      return null;
    }
    case 'add_decision_area': {
      const area = change.decisionArea;
      if (s.areas.has(area.id)) return { reason: 'duplicate_id', subjectId: area.id };
      const right = change.right;
      if (right) {
        const problem = actorsActive(s, [
          right.deciderId,
          ...(right.delegatorId ? [right.delegatorId] : []),
          ...right.consulted,
          ...right.informed,
          ...(right.reporting ? [right.reporting.toId] : []),
        ]);
        if (problem) return problem;
      }
      s.areas.set(area.id, { ...area, retired: false });
      if (right) s.rights.set(area.id, { ...right, decisionAreaId: area.id });
      return null;
    }
    case 'retire_decision_area': {
      const problem = activeArea(s, change.decisionAreaId);
      if (problem) return problem;
      s.areas.set(change.decisionAreaId, { ...(s.areas.get(change.decisionAreaId) as AreaState), retired: true });
      s.rights.delete(change.decisionAreaId);
      return null;
    }
    case 'system': {
      const problem = firstProblem(
        () => actorsActive(s, change.actorIds),
        () => {
          for (const areaId of change.decisionAreaIds) {
            const p = activeArea(s, areaId);
            if (p) return p;
          }
          return null;
        },
      );
      return problem;
    }
  }
}

/** Folds the baseline and the stages, in order, into every state of the plan. */
export function foldPlan(plan: Plan): Fold {
  const { state: baseline, issues } = baselineState(plan);
  const states: PlanState[] = [baseline];
  const outcomes: ChangeOutcome[][] = [];
  plan.stages.forEach((stage, i) => {
    const previous = states[states.length - 1];
    const next: Mutable = {
      actors: new Map(previous.actors),
      areas: new Map(previous.areas),
      rights: new Map(previous.rights),
    };
    const stageOutcomes: ChangeOutcome[] = [];
    for (const change of stage.changes) {
      const problem = applyChange(next, change);
      stageOutcomes.push({
        stageIndex: i + 1,
        stageId: stage.id,
        change,
        applied: problem === null,
        ...(problem && { reason: problem.reason, subjectId: problem.subjectId }),
      });
    }
    outcomes.push(stageOutcomes);
    states.push({ index: i + 1, stageId: stage.id, ...next });
  });
  return { states, outcomes, baselineIssues: issues };
}

/** The state after stage k (k = 0: the baseline). */
export function stateAt(plan: Plan, k: number): PlanState {
  if (!Number.isInteger(k) || k < 0 || k > plan.stages.length) {
    throw new RangeError(`Stage index ${k} is outside 0..${plan.stages.length}`);
  }
  return foldPlan({ ...plan, stages: plan.stages.slice(0, k) }).states[k];
}
