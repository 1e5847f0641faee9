import { Plan } from '../model/types';
import { Finding } from '../rules/finding';
import { Analysis } from './analyse';
import { diffStates, RightDiff } from './diff';

/** One top-level field that differs: `before`/`after` absent where the field is absent. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** How one of the plan's lists differs, its items matched by their key (an id, or a natural key). */
export interface ListDiff<T> {
  added: Array<{ key: string; item: T }>;
  removed: Array<{ key: string; item: T }>;
  changed: Array<{ key: string; before: T; after: T; fields: FieldChange[] }>;
  /** The keys in the new order, when the order differs from the old one with removals and additions applied. */
  order: string[] | null;
}

/** The plan's lists, each a list of records with a key. */
export const PLAN_LISTS = [
  'actors',
  'competences',
  'decisionAreas',
  'baseline',
  'stages',
  'holdings',
  'developmentActions',
  'clarity',
  'consequences',
  'consultations',
  'comments',
] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

/** The plan's fields that are not lists. */
const PLAN_FIELDS = ['formatVersion', 'id', 'title', 'purpose', 'organisation', 'settings', 'definition'] as const;

export type PlanDiff = { fields: FieldChange[] } & { [K in PlanList]: ListDiff<Plan[K][number]> };

/** The key an item of a list is matched by (its id; rows without one by their natural key). */
const KEY_OF: { [K in PlanList]: (item: Plan[K][number]) => string } = {
  actors: (a) => a.id,
  competences: (c) => c.id,
  decisionAreas: (a) => a.id,
  baseline: (r) => r.decisionAreaId,
  stages: (s) => s.id,
  holdings: (h) => `${h.actorId}/${h.competenceId}`,
  developmentActions: (a) => a.id,
  clarity: (c) => `${c.actorId}/${c.stageId}`,
  consequences: (c) => c.id,
  consultations: (c) => c.id,
  comments: (c) => c.id,
};

/** Keys unique within the list: a repeated key (two rights for one area) gets `#2`, `#3`… in order. */
function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Array<[string, T]> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n === 1 ? base : `${base}#${n}`, item];
  });
}

/** Deep equality of JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function fieldChanges(before: object, after: object, fields?: readonly string[]): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const names = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of names) {
    if (sameJson(b[field], a[field])) continue;
    changes.push({ field, ...(b[field] !== undefined && { before: b[field] }), ...(a[field] !== undefined && { after: a[field] }) });
  }
  return changes;
}

function diffList<T extends object>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): ListDiff<T> {
  const old = keyed(before, keyOf);
  const next = keyed(after, keyOf);
  const oldByKey = new Map(old);
  const nextByKey = new Map(next);
  const removed = old.filter(([k]) => !nextByKey.has(k)).map(([key, item]) => ({ key, item }));
  const added = next.filter(([k]) => !oldByKey.has(k)).map(([key, item]) => ({ key, item }));
  const changed: ListDiff<T>['changed'] = [];
  for (const [key, item] of next) {
    const was = oldByKey.get(key);
    if (was === undefined) continue;
    const fields = fieldChanges(was, item);
    if (fields.length) changed.push({ key, before: was, after: item, fields });
  }
  const natural = [...old.filter(([k]) => nextByKey.has(k)).map(([k]) => k), ...next.filter(([k]) => !oldByKey.has(k)).map(([k]) => k)];
  const order = next.map(([k]) => k);
  return { added, removed, changed, order: natural.every((k, i) => k === order[i]) ? null : order };
}

function applyList<T extends object>(before: readonly T[], diff: ListDiff<T>, keyOf: (item: T) => string): T[] {
  const removed = new Set(diff.removed.map((r) => r.key));
  const changes = new Map(diff.changed.map((c) => [c.key, c.fields]));
  const kept: Array<[string, T]> = keyed(before, keyOf)
    .filter(([k]) => !removed.has(k))
    .map(([k, item]) => {
      const fields = changes.get(k);
      if (!fields) return [k, item];
      const copy = { ...item } as Record<string, unknown>;
      for (const f of fields) {
        if ('after' in f) copy[f.field] = f.after;
        else delete copy[f.field];
      }
      return [k, copy as T];
    });
  const all: Array<[string, T]> = [...kept, ...diff.added.map((a): [string, T] => [a.key, a.item])];
  if (!diff.order) return all.map(([, item]) => item);
  const byKey = new Map(all);
  return diff.order.map((k) => byKey.get(k)).filter((item): item is T => item !== undefined);
}

/** Everything that differs between two plans: their fields and, list by list, what was added, removed or changed (field by field). */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const lists = Object.fromEntries(
    PLAN_LISTS.map((list) => [list, diffList<object>(before[list], after[list], KEY_OF[list] as (item: object) => string)]),
  ) as { [K in PlanList]: ListDiff<Plan[K][number]> };
  return { fields: fieldChanges(before, after, PLAN_FIELDS), ...lists };
}

/** The plan `diff` was taken to, from the plan it was taken from: applyPlanDiff(a, diffPlans(a, b)) equals b. */
export function applyPlanDiff(before: Plan, diff: PlanDiff): Plan {
  const plan = { ...before } as Record<string, unknown>;
  for (const f of diff.fields) {
    if ('after' in f) plan[f.field] = f.after;
    else delete plan[f.field];
  }
  for (const list of PLAN_LISTS) plan[list] = applyList<object>(before[list], diff[list], KEY_OF[list] as (item: object) => string);
  return plan as Plan;
}

export function isEmptyPlanDiff(diff: PlanDiff): boolean {
  return (
    diff.fields.length === 0 &&
    PLAN_LISTS.every((l) => diff[l].added.length === 0 && diff[l].removed.length === 0 && diff[l].changed.length === 0 && diff[l].order === null)
  );
}

/** What differs between an approved revision and a later plan, for the board: the content, who decides what at each stage, the findings. */
export interface PlanComparison {
  plan: PlanDiff;
  /** Per stage both plans have (by id, and the baseline): decision rights whose decider, delegator, level… differ. */
  rights: Array<{ stageId: string | null; rights: RightDiff[] }>;
  /** Findings (by id: problem and stage) only the later plan has, and those only the earlier one had. */
  findings: { added: Finding[]; resolved: Finding[] };
}

export function comparePlans(before: Plan, beforeAnalysis: Analysis, after: Plan, afterAnalysis: Analysis): PlanComparison {
  const rights: PlanComparison['rights'] = [];
  for (const state of afterAnalysis.states) {
    const was = beforeAnalysis.states.find((s) => s.stageId === state.stageId);
    if (!was) continue;
    const diff = diffStates(was, state).rights.filter((r) => r.kinds.length > 0);
    if (diff.length) rights.push({ stageId: state.stageId, rights: diff });
  }
  const beforeIds = new Set(beforeAnalysis.findings.map((f) => f.id));
  const afterIds = new Set(afterAnalysis.findings.map((f) => f.id));
  return {
    plan: diffPlans(before, after),
    rights,
    findings: {
      added: afterAnalysis.findings.filter((f) => !beforeIds.has(f.id)),
      resolved: beforeAnalysis.findings.filter((f) => !afterIds.has(f.id)),
    },
  };
}
