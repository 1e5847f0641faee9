import { Plan } from '@tillit/domain';

/**
 * A plan cut into messages small enough to read on the page without blocking it: the plan with its long
 * lists emptied, then the lists' items a slice at a time. `path`: the list's place in the plan, by keys.
 */
export interface PlanPart {
  path: Array<string | number>;
  items: unknown[];
}

type Node = Record<string | number, unknown>;

/** Lists longer than this go in parts of this size; a plan's item is a few hundred bytes at most. */
export const PART_SIZE = 2000;

export function splitPlan(plan: Plan, size = PART_SIZE): { skeleton: Plan; parts: PlanPart[] } {
  const parts: PlanPart[] = [];
  const visit = (value: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(value)) {
      if (value.length <= size) return value.map((item, i) => visit(item, [...path, i]));
      for (let i = 0; i < value.length; i += size) parts.push({ path, items: value.slice(i, i + size) });
      return [];
    }
    if (value && typeof value === 'object') {
      const copy: Node = {};
      for (const [key, v] of Object.entries(value)) copy[key] = visit(v, [...path, key]);
      return copy;
    }
    return value;
  };
  return { skeleton: visit(plan, []) as Plan, parts };
}

/** Puts the parts back into the skeleton (which it changes), in the order they were cut. */
export function joinPlan(skeleton: Plan, parts: PlanPart[]): Plan {
  for (const part of parts) {
    let node = skeleton as unknown as Node;
    for (const key of part.path) node = node[key] as Node;
    (node as unknown as unknown[]).push(...part.items);
  }
  return skeleton;
}
