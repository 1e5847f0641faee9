import { analysePlan, comparePlans, EXAMPLE_PLAN, Plan, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { isEmptyComparison, itemChanges, namesWith } from './comparison';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan: Plan = result.plan;
const compare = (before: Plan, after: Plan) => comparePlans(before, analysePlan(before), after, analysePlan(after));

describe(isEmptyComparison.name, () => {
  it('is empty for a plan compared with itself', () => {
    expect(isEmptyComparison(compare(plan, plan))).toBe(true);
  });

  it('is not empty once an actor is renamed', () => {
    const after = { ...plan, actors: plan.actors.map((a, i) => (i === 0 ? { ...a, name: 'Ny nämnd' } : a)) };
    expect(isEmptyComparison(compare(plan, after))).toBe(false);
  });
});

describe(itemChanges.name, () => {
  it('names a changed actor by its new name, field by field', () => {
    const actor = plan.actors[1];
    const after = { ...plan, actors: plan.actors.map((a) => (a.id === actor.id ? { ...a, name: 'Omdöpt enhet' } : a)) };
    const c = compare(plan, after);
    expect(itemChanges('actors', c.plan.actors, namesWith(c, after))).toEqual([
      { kind: 'changed', key: actor.id, label: 'Omdöpt enhet', fields: [{ field: 'name', before: actor.name, after: 'Omdöpt enhet' }] },
    ]);
  });

  it('names a removed stage as it was called', () => {
    const removed = plan.stages.at(-1)!;
    const after = {
      ...plan,
      stages: plan.stages.slice(0, -1),
      consequences: [],
      consultations: [],
      clarity: [],
      developmentActions: [],
      comments: [],
    };
    const c = compare(plan, after);
    expect(itemChanges('stages', c.plan.stages, namesWith(c, after))).toContainEqual({
      kind: 'removed',
      key: removed.id,
      label: removed.name,
      fields: [],
    });
    expect(namesWith(c, after).get(removed.id)).toBe(removed.name);
  });
});
