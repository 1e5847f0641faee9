import { Actor, Competence, DecisionArea, isEmptyPlanDiff, ListDiff, Plan, PlanComparison, Stage } from '@tillit/domain';

/** Whether anything differs: the content, who decides what at any stage, or the findings. */
export function isEmptyComparison(c: PlanComparison): boolean {
  return isEmptyPlanDiff(c.plan) && c.rights.length === 0 && c.findings.added.length === 0 && c.findings.resolved.length === 0;
}

/** The lists of the plan a board reads the changes of, in the order it reads them. */
export const SHOWN_LISTS = ['actors', 'decisionAreas', 'stages', 'competences', 'developmentActions', 'consequences', 'consultations'] as const;
export type ShownList = (typeof SHOWN_LISTS)[number];

/** Names of what the plans refer to, by id: actors, decision areas (code and title), stages, competences. */
export type Names = ReadonlyMap<string, string>;

export function namesOf(...plans: ReadonlyArray<Pick<Plan, 'actors' | 'decisionAreas' | 'stages' | 'competences'>>): Names {
  const names = new Map<string, string>();
  for (const plan of plans) {
    for (const a of plan.actors) names.set(a.id, a.name);
    for (const a of plan.decisionAreas) names.set(a.id, `${a.code} ${a.title}`);
    for (const s of plan.stages) names.set(s.id, s.name);
    for (const c of plan.competences) names.set(c.id, c.name);
    // Actors and decision areas a stage adds are named in the change that adds them.
    for (const change of plan.stages.flatMap((s) => s.changes)) {
      if (change.type === 'add_actor') names.set(change.actor.id, change.actor.name);
      if (change.type === 'add_decision_area') names.set(change.decisionArea.id, `${change.decisionArea.code} ${change.decisionArea.title}`);
    }
  }
  return names;
}

/** The names a comparison needs: the plan's, and those of what it removed and added (as they were named then). */
export function namesWith(c: PlanComparison, plan: Plan): Names {
  const items = <T>(d: ListDiff<T>) => [...d.removed.map((r) => r.item), ...d.added.map((a) => a.item), ...d.changed.map((x) => x.after)];
  return namesOf(plan, {
    actors: items<Actor>(c.plan.actors),
    decisionAreas: items<DecisionArea>(c.plan.decisionAreas),
    stages: items<Stage>(c.plan.stages),
    competences: items<Competence>(c.plan.competences),
  });
}

/** One item of a list as a line to read: added, removed, or changed field by field. */
export interface ItemChange {
  kind: 'added' | 'removed' | 'changed';
  key: string;
  /** The item by name (an actor's name, an area's code and title…). */
  label: string;
  fields: Array<{ field: string; before?: unknown; after?: unknown }>;
}

/** A label for an item of a list, by what a person calls it; ids only where it has no name. */
function labelOf(list: ShownList, item: Record<string, unknown>, names: Names): string {
  switch (list) {
    case 'actors':
    case 'stages':
    case 'competences':
      return String(item.name);
    case 'decisionAreas':
      return `${String(item.code)} ${String(item.title)}`;
    case 'developmentActions':
      return `${names.get(String(item.actorId)) ?? ''}: ${names.get(String(item.competenceId)) ?? ''}`;
    case 'consequences':
      return String(item.description);
    case 'consultations':
      return `${names.get(String(item.stageId)) ?? ''}${item.date ? ` ${String(item.date)}` : ''}`;
  }
}

/** A list's differences as lines: removed first, then added, then changed (each in the list's order). */
export function itemChanges(list: ShownList, diff: ListDiff<object>, names: Names): ItemChange[] {
  const label = (item: object) => labelOf(list, item as Record<string, unknown>, names);
  return [
    ...diff.removed.map((r): ItemChange => ({ kind: 'removed', key: r.key, label: label(r.item), fields: [] })),
    ...diff.added.map((a): ItemChange => ({ kind: 'added', key: a.key, label: label(a.item), fields: [] })),
    ...diff.changed.map((c): ItemChange => ({ kind: 'changed', key: c.key, label: label(c.after), fields: c.fields })),
  ];
}
