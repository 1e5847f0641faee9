import { compareText } from './compare';
import { Actor, Change, DecisionArea, DecisionRight, Limit, Plan } from '../model/types';
import { limitText } from './limits';
import { IdIndex, IndexedMap } from './indexed-map';

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
  'area_missing' | 'area_retired' | 'actor_missing' | 'actor_retired' | 'no_decider' | 'duplicate_id' | 'hierarchy_cycle';

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

// States hold objects of one fixed shape per kind (every field present, in one order), which keeps
// property access monomorphic and fast on large plans.
function actorState(a: Actor, retired: boolean, reportsTo: string | null | undefined = a.reportsTo): ActorState {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    reportsTo: reportsTo ?? null,
    headcount: a.headcount,
    legalRole: a.legalRole,
    qualifications: a.qualifications,
    meetsCitizens: a.meetsCitizens,
    retired,
  };
}

function areaState(a: DecisionArea, retired: boolean, limit?: { limit: string | undefined; limitValue: Limit | undefined }): AreaState {
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    section: a.section,
    legalBasis: a.legalBasis,
    limit: limit ? limit.limit : a.limit,
    limitValue: limit ? limit.limitValue : a.limitValue,
    remark: a.remark,
    citizenFacing: a.citizenFacing,
    kind: a.kind,
    nonDelegable: a.nonDelegable,
    requirements: a.requirements,
    onwardDelegationBy: a.onwardDelegationBy,
    delegationRestriction: a.delegationRestriction,
    qualificationRequirement: a.qualificationRequirement,
    reportingExemption: a.reportingExemption,
    coreOperation: a.coreOperation,
    retired,
  };
}

function rightState(r: Omit<DecisionRight, 'decisionAreaId'>, decisionAreaId: string, patch?: Partial<DecisionRight>): DecisionRight {
  return {
    decisionAreaId,
    deciderId: r.deciderId,
    delegatorId: r.delegatorId ?? null,
    level: patch?.level ?? r.level,
    consulted: patch?.consulted ?? r.consulted,
    informed: patch?.informed ?? r.informed,
    reporting: patch && 'reporting' in patch ? (patch.reporting ?? null) : (r.reporting ?? null),
    mayDelegateFurther: r.mayDelegateFurther,
    substituteId: patch && 'substituteId' in patch ? (patch.substituteId ?? null) : (r.substituteId ?? null),
  };
}

function baselineState(plan: Plan): { state: PlanState; issues: BaselineIssue[] } {
  const actorIndex = new IdIndex();
  const areaIndex = new IdIndex();
  const actors = new IndexedMap<ActorState>(actorIndex);
  for (const actor of plan.actors) actors.set(actor.id, actorState(actor, false));
  const areas = new IndexedMap<AreaState>(areaIndex);
  for (const area of plan.decisionAreas) areas.set(area.id, areaState(area, false));
  const rights = IndexedMap.empty<DecisionRight>(areaIndex);
  const duplicates = new Map<string, DecisionRight[]>();
  for (const right of plan.baseline) {
    const existing = rights.get(right.decisionAreaId);
    const normalised = rightState(right, right.decisionAreaId);
    if (!existing) {
      rights.set(right.decisionAreaId, normalised);
      continue;
    }
    const list = duplicates.get(right.decisionAreaId) ?? [existing];
    list.push(normalised);
    duplicates.set(right.decisionAreaId, list);
  }
  // With two deciders the state keeps one, chosen by decider id so that input order does not matter.
  const issues: BaselineIssue[] = [];
  for (const [decisionAreaId, list] of [...duplicates].sort(([a], [b]) => compareText(a, b))) {
    list.sort((a, b) => compareText(a.deciderId, b.deciderId));
    rights.set(decisionAreaId, list[0]);
    issues.push({ kind: 'two_deciders', decisionAreaId, deciderIds: list.map((r) => r.deciderId) });
  }
  return { state: { index: 0, stageId: null, actors, areas, rights }, issues };
}

type Mutable = {
  actors: IndexedMap<ActorState>;
  areas: IndexedMap<AreaState>;
  rights: IndexedMap<DecisionRight>;
};
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

/**
 * The slot of an active decision area (areas and rights share slots), or why a change cannot touch it.
 * Resolving the id once spares the repeated lookups of the changes that most plans are made of.
 */
function areaSlot(s: Mutable, id: string): number | Result {
  const slot = s.areas.index.slot(id);
  const area = slot === undefined ? undefined : s.areas.slotValues[slot];
  if (!area) return { reason: 'area_missing', subjectId: id };
  if (area.retired) return { reason: 'area_retired', subjectId: id };
  return slot as number;
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
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const problem = activeActor(s, change.toDeciderId) ?? activeActor(s, change.delegatorId) ?? activeActor(s, change.substituteId);
      if (problem) return problem;
      const current = s.rights.slotValues[slot];
      const deciderChanged = !current || current.deciderId !== change.toDeciderId;
      s.rights.setSlot(slot, {
        decisionAreaId: change.decisionAreaId,
        deciderId: change.toDeciderId,
        delegatorId: change.delegatorId !== undefined ? change.delegatorId : (current?.delegatorId ?? null),
        level: change.level ?? current?.level ?? 7,
        consulted: current?.consulted ?? [],
        informed: current?.informed ?? [],
        reporting: current?.reporting ?? null,
        mayDelegateFurther: change.mayDelegateFurther ?? (deciderChanged ? false : (current?.mayDelegateFurther ?? false)),
        substituteId: change.substituteId !== undefined ? change.substituteId : (current?.substituteId ?? null),
      });
      return null;
    }
    case 'set_limit': {
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const area = s.areas.slotValues[slot] as AreaState;
      const limitValue = change.limit ?? undefined;
      const wording = change.limitText ?? (limitValue ? limitText(limitValue) : undefined);
      s.areas.setSlot(slot, areaState(area, false, { limit: wording, limitValue }));
      return null;
    }
    case 'set_substitute': {
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const current = s.rights.slotValues[slot];
      if (!current) return { reason: 'no_decider', subjectId: change.decisionAreaId };
      const problem = activeActor(s, change.substituteId);
      if (problem) return problem;
      s.rights.setSlot(slot, rightState(current, change.decisionAreaId, { substituteId: change.substituteId }));
      return null;
    }
    case 'set_level': {
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const current = s.rights.slotValues[slot];
      if (!current) return { reason: 'no_decider', subjectId: change.decisionAreaId };
      s.rights.setSlot(slot, rightState(current, change.decisionAreaId, { level: change.level }));
      return null;
    }
    case 'set_consultation': {
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const current = s.rights.slotValues[slot];
      if (!current) return { reason: 'no_decider', subjectId: change.decisionAreaId };
      const problem = actorsActive(s, change.consulted ?? []) ?? actorsActive(s, change.informed ?? []);
      if (problem) return problem;
      s.rights.setSlot(slot, rightState(current, change.decisionAreaId, { consulted: change.consulted, informed: change.informed }));
      return null;
    }
    case 'set_reporting': {
      const slot = areaSlot(s, change.decisionAreaId);
      if (typeof slot !== 'number') return slot;
      const current = s.rights.slotValues[slot];
      if (!current) return { reason: 'no_decider', subjectId: change.decisionAreaId };
      const problem = activeActor(s, change.reporting?.toId);
      if (problem) return problem;
      s.rights.setSlot(slot, rightState(current, change.decisionAreaId, { reporting: change.reporting }));
      return null;
    }
    case 'add_actor': {
      if (s.actors.has(change.actor.id)) return { reason: 'duplicate_id', subjectId: change.actor.id };
      const problem = activeActor(s, change.actor.reportsTo);
      if (problem) return problem;
      s.actors.set(change.actor.id, actorState(change.actor, false));
      return null;
    }
    case 'retire_actor': {
      const problem = activeActor(s, change.actorId);
      if (problem) return problem;
      s.actors.set(change.actorId, actorState(s.actors.get(change.actorId) as ActorState, true));
      return null;
    }
    case 'move_actor': {
      const problem = activeActor(s, change.actorId) ?? activeActor(s, change.reportsTo);
      if (problem) return problem;
      if (change.reportsTo && isBelow(s, change.reportsTo, change.actorId)) {
        return { reason: 'hierarchy_cycle', subjectId: change.actorId };
      }
      const moved = s.actors.get(change.actorId) as ActorState;
      s.actors.set(change.actorId, actorState(moved, moved.retired, change.reportsTo));
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
          ...(right.substituteId ? [right.substituteId] : []),
        ]);
        if (problem) return problem;
      }
      s.areas.set(area.id, areaState(area, false));
      if (right) s.rights.set(area.id, rightState(right, area.id));
      return null;
    }
    case 'retire_decision_area': {
      const problem = activeArea(s, change.decisionAreaId);
      if (problem) return problem;
      s.areas.set(change.decisionAreaId, areaState(s.areas.get(change.decisionAreaId) as AreaState, true));
      s.rights.delete(change.decisionAreaId);
      return null;
    }
    case 'system': {
      const problem = actorsActive(s, change.actorIds);
      if (problem) return problem;
      for (const areaId of change.decisionAreaIds) {
        const p = activeArea(s, areaId);
        if (p) return p;
      }
      return null;
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
    const next = {
      actors: (previous.actors as IndexedMap<ActorState>).copy(),
      areas: (previous.areas as IndexedMap<AreaState>).copy(),
      rights: (previous.rights as IndexedMap<DecisionRight>).copy(),
    };
    const stageOutcomes: ChangeOutcome[] = [];
    for (const change of stage.changes) {
      const problem = applyChange(next, change);
      stageOutcomes.push({
        stageIndex: i + 1,
        stageId: stage.id,
        change,
        applied: problem === null,
        reason: problem?.reason,
        subjectId: problem?.subjectId,
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
