import { DecisionRight } from '../model/types';
import { PlanState } from './state';

export interface Hierarchy {
  /** 0 for a top actor; actors in a reportsTo cycle count from where the cycle was entered. */
  level(actorId: string): number;
  /** True when `ancestorId` is above `actorId` (strictly) in the hierarchy. */
  isAbove(ancestorId: string, actorId: string): boolean;
  /** Actors whose reportsTo chain loops. */
  cyclic: ReadonlySet<string>;
}

const cache = new WeakMap<PlanState, Hierarchy>();

/** The hierarchy of a state's actors (retired ones included), computed once per state. */
export function hierarchyOf(state: PlanState): Hierarchy {
  const cached = cache.get(state);
  if (cached) return cached;
  const levels = new Map<string, number>();
  const cyclic = new Set<string>();
  const resolve = (start: string): number => {
    const known = levels.get(start);
    if (known !== undefined) return known;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    let base = -1;
    while (current && state.actors.has(current)) {
      const level = levels.get(current);
      if (level !== undefined) {
        base = level;
        break;
      }
      if (onPath.has(current)) {
        for (const id of path.slice(path.indexOf(current))) cyclic.add(id);
        break;
      }
      onPath.add(current);
      path.push(current);
      current = state.actors.get(current)?.reportsTo;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base += 1;
      levels.set(path[i], base);
    }
    return levels.get(start) ?? 0;
  };
  for (const id of state.actors.keys()) resolve(id);

  const hierarchy: Hierarchy = {
    level: (id) => levels.get(id) ?? 0,
    isAbove: (ancestorId, actorId) => {
      const seen = new Set<string>();
      let current = state.actors.get(actorId)?.reportsTo;
      while (current && !seen.has(current)) {
        if (current === ancestorId) return true;
        seen.add(current);
        current = state.actors.get(current)?.reportsTo;
      }
      return false;
    },
    cyclic,
  };
  cache.set(state, hierarchy);
  return hierarchy;
}

/**
 * Who really makes the decision (Management 3.0): the delegator at levels 1–3, both at 4,
 * the decider at 5–7. The original holder (no delegator) always decides itself.
 */
export function effectiveDeciders(right: DecisionRight): string[] {
  const delegator = right.delegatorId;
  if (!delegator || delegator === right.deciderId) return [right.deciderId];
  if (right.level <= 3) return [delegator];
  if (right.level === 4) return [right.deciderId, delegator];
  return [right.deciderId];
}
