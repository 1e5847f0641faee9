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

/** Lets a state whose actors are the same as another's reuse that state's hierarchy. */
export function shareHierarchy(from: PlanState, to: PlanState): void {
  const known = cache.get(from);
  if (known && !cache.has(to)) cache.set(to, known);
}

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
  // Sorted, so that where a (broken) cycle is entered does not depend on input order.
  for (const id of [...state.actors.keys()].sort()) resolve(id);

  // Entry and exit times of a depth-first walk: a is above b exactly when b's interval lies inside a's.
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, actor] of state.actors) {
    const parent = actor.reportsTo;
    if (parent && state.actors.has(parent) && !cyclic.has(id)) {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    } else roots.push(id);
  }
  const enter = new Map<string, number>();
  const exit = new Map<string, number>();
  let clock = 0;
  const stack: Array<{ id: string; next: number }> = [];
  for (const root of roots) {
    stack.push({ id: root, next: 0 });
    enter.set(root, clock++);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const kids = children.get(top.id);
      if (kids && top.next < kids.length) {
        const child = kids[top.next++];
        if (enter.has(child)) continue;
        enter.set(child, clock++);
        stack.push({ id: child, next: 0 });
      } else {
        exit.set(top.id, clock++);
        stack.pop();
      }
    }
  }

  const hierarchy: Hierarchy = {
    level: (id) => levels.get(id) ?? 0,
    isAbove: (ancestorId, actorId) => {
      if (ancestorId === actorId) return false;
      const a = enter.get(ancestorId);
      const b = enter.get(actorId);
      if (a !== undefined && b !== undefined && !cyclic.has(actorId) && !cyclic.has(ancestorId)) {
        return a < b && (exit.get(actorId) as number) < (exit.get(ancestorId) as number);
      }
      // Broken (cyclic) parts of the hierarchy: walk up.
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
