import { compareText } from './compare';
import { DecisionRight } from '../model/types';
import { effectiveDeciders } from './effective-deciders';
import { IndexedMap } from './indexed-map';
import { ActorState, AreaState, PlanState } from './state';

export type RightChangeKind =
  'added' | 'removed' | 'moved' | 'delegator' | 'level' | 'consultation' | 'reporting' | 'onward_delegation' | 'substitute';

export interface RightDiff {
  decisionAreaId: string;
  before: DecisionRight | null;
  after: DecisionRight | null;
  kinds: RightChangeKind[];
  /** Effective deciders before and after (who really decides), for arrows on the map. */
  effectiveBefore: string[];
  effectiveAfter: string[];
}

export type ActorChangeKind = 'added' | 'retired' | 'reinstated' | 'moved' | 'edited';
export interface ActorDiff {
  actorId: string;
  before: ActorState | null;
  after: ActorState | null;
  kinds: ActorChangeKind[];
}

export type AreaChangeKind = 'added' | 'retired' | 'reinstated' | 'edited';
export interface AreaDiff {
  decisionAreaId: string;
  before: AreaState | null;
  after: AreaState | null;
  kinds: AreaChangeKind[];
}

/** Everything that differs between two states, sorted by id: what the map, matrix and board pack draw. */
export interface StateDiff {
  fromIndex: number;
  toIndex: number;
  rights: RightDiff[];
  actors: ActorDiff[];
  areas: AreaDiff[];
  /** Actors that become effective deciders of areas they did not decide before, and those that stop. */
  gained: Array<{ actorId: string; decisionAreaId: string }>;
  lost: Array<{ actorId: string; decisionAreaId: string }>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (const x of b) if (!a.includes(x)) return false;
  return true;
}

function sameReporting(a: DecisionRight['reporting'], b: DecisionRight['reporting']): boolean {
  if (!a || !b) return !a && !b;
  return a.toId === b.toId && a.frequency === b.frequency && a.hoursPerYear === b.hoursPerYear;
}

function rightKinds(before: DecisionRight | null, after: DecisionRight | null): RightChangeKind[] {
  if (!before && !after) return [];
  if (!before) return ['added'];
  if (!after) return ['removed'];
  const kinds: RightChangeKind[] = [];
  if (before.deciderId !== after.deciderId) kinds.push('moved');
  if ((before.delegatorId ?? null) !== (after.delegatorId ?? null)) kinds.push('delegator');
  if (before.level !== after.level) kinds.push('level');
  if (!sameList(before.consulted, after.consulted) || !sameList(before.informed, after.informed)) kinds.push('consultation');
  if (!sameReporting(before.reporting, after.reporting)) kinds.push('reporting');
  if (before.mayDelegateFurther !== after.mayDelegateFurther) kinds.push('onward_delegation');
  if ((before.substituteId ?? null) !== (after.substituteId ?? null)) kinds.push('substitute');
  return kinds;
}

function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && JSON.stringify(x) === JSON.stringify(y)) continue;
    if ((x === undefined || x === null) && (y === undefined || y === null)) continue;
    return false;
  }
  return true;
}

function actorKinds(before: ActorState | null, after: ActorState | null): ActorChangeKind[] {
  if (!before) return after ? ['added'] : [];
  if (!after) return [];
  const kinds: ActorChangeKind[] = [];
  if (!before.retired && after.retired) kinds.push('retired');
  if (before.retired && !after.retired) kinds.push('reinstated');
  if ((before.reportsTo ?? null) !== (after.reportsTo ?? null)) kinds.push('moved');
  const { retired: _r1, reportsTo: _p1, ...restBefore } = before;
  const { retired: _r2, reportsTo: _p2, ...restAfter } = after;
  if (!shallowEqual(restBefore, restAfter)) kinds.push('edited');
  return kinds;
}

function areaKinds(before: AreaState | null, after: AreaState | null): AreaChangeKind[] {
  if (!before) return after ? ['added'] : [];
  if (!after) return [];
  const kinds: AreaChangeKind[] = [];
  if (!before.retired && after.retired) kinds.push('retired');
  if (before.retired && !after.retired) kinds.push('reinstated');
  const { retired: _r1, ...restBefore } = before;
  const { retired: _r2, ...restAfter } = after;
  if (!shallowEqual(restBefore, restAfter)) kinds.push('edited');
  return kinds;
}

/**
 * The entries that differ (by identity), sorted by id: id, before, after (null where absent). States of one
 * fold share slots, so that is a scan, and the entries are read by slot, not looked up by id again.
 */
function changedEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): Array<[string, T | null, T | null]> {
  if (a instanceof IndexedMap && b instanceof IndexedMap && a.index === b.index) {
    const x = a.slotValues as Array<T | undefined>;
    const y = b.slotValues as Array<T | undefined>;
    const ids = a.index.ids;
    const changed: Array<[string, T | null, T | null]> = [];
    for (let i = 0, n = Math.max(x.length, y.length); i < n; i++) if (x[i] !== y[i]) changed.push([ids[i], x[i] ?? null, y[i] ?? null]);
    return changed.sort((p, q) => compareText(p[0], q[0]));
  }
  const keys = new Set<string>();
  for (const [key, value] of a) if (b.get(key) !== value) keys.add(key);
  for (const [key, value] of b) if (a.get(key) !== value) keys.add(key);
  return [...keys].sort(compareText).map((key) => [key, a.get(key) ?? null, b.get(key) ?? null]);
}

/** The difference between any two states (usually consecutive, but not necessarily). */
export function diffStates(from: PlanState, to: PlanState): StateDiff {
  const rights: RightDiff[] = [];
  const gained: StateDiff['gained'] = [];
  const lost: StateDiff['lost'] = [];
  for (const [areaId, before, after] of changedEntries(from.rights, to.rights)) {
    if (before === after) continue;
    const kinds = rightKinds(before, after);
    if (kinds.length === 0) continue;
    const effectiveBefore = before ? effectiveDeciders(before) : [];
    const effectiveAfter = after ? effectiveDeciders(after) : [];
    rights.push({ decisionAreaId: areaId, before, after, kinds, effectiveBefore, effectiveAfter });
    for (const actorId of effectiveAfter) if (!effectiveBefore.includes(actorId)) gained.push({ actorId, decisionAreaId: areaId });
    for (const actorId of effectiveBefore) if (!effectiveAfter.includes(actorId)) lost.push({ actorId, decisionAreaId: areaId });
  }
  const actors: ActorDiff[] = [];
  for (const [actorId, before, after] of changedEntries(from.actors, to.actors)) {
    if (before === after) continue;
    const kinds = actorKinds(before, after);
    if (kinds.length) actors.push({ actorId, before, after, kinds });
  }
  const areas: AreaDiff[] = [];
  for (const [decisionAreaId, before, after] of changedEntries(from.areas, to.areas)) {
    if (before === after) continue;
    const kinds = areaKinds(before, after);
    if (kinds.length) areas.push({ decisionAreaId, before, after, kinds });
  }
  const byActorThenArea = (x: { actorId: string; decisionAreaId: string }, y: typeof x) =>
    compareText(x.actorId, y.actorId) || compareText(x.decisionAreaId, y.decisionAreaId);
  return { fromIndex: from.index, toIndex: to.index, rights, actors, areas, gained: gained.sort(byActorThenArea), lost: lost.sort(byActorThenArea) };
}

/** Applies a diff to its source state; gives its target state (with the target's index). */
export function applyDiff(state: PlanState, diff: StateDiff, stageId: string | null = state.stageId): PlanState {
  const copy = <T>(m: ReadonlyMap<string, T>) => (m instanceof IndexedMap ? (m.copy() as IndexedMap<T>) : new Map(m));
  const actors = copy(state.actors);
  const areas = copy(state.areas);
  const rights = copy(state.rights);
  for (const d of diff.actors) {
    if (d.after) actors.set(d.actorId, d.after);
    else actors.delete(d.actorId);
  }
  for (const d of diff.areas) {
    if (d.after) areas.set(d.decisionAreaId, d.after);
    else areas.delete(d.decisionAreaId);
  }
  for (const d of diff.rights) {
    if (d.after) rights.set(d.decisionAreaId, d.after);
    else rights.delete(d.decisionAreaId);
  }
  return { index: diff.toIndex, stageId, actors, areas, rights };
}
