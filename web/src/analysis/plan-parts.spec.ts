import { EXAMPLE_PLAN, Plan, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { joinPlan, splitPlan } from './plan-parts';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan: Plan = result.plan;

describe(splitPlan.name, () => {
  it('cuts every list longer than the size into parts of at most that size', () => {
    const { skeleton, parts } = splitPlan(plan, 5);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((p) => p.items.length > 0 && p.items.length <= 5)).toBe(true);
    expect(skeleton.actors).toEqual([]);
    expect(parts.some((p) => p.path.join('.') === 'stages.3.changes')).toBe(plan.stages[3].changes.length > 5);
  });

  it('leaves the plan it cut as it was', () => {
    const before = structuredClone(plan);
    splitPlan(plan, 5);
    expect(plan).toEqual(before);
  });

  it('gives the plan back when the parts, sent as messages are, are joined to the skeleton', () => {
    const { skeleton, parts } = structuredClone(splitPlan(plan, 5));
    expect(joinPlan(skeleton, parts)).toEqual(plan);
  });

  it('sends a small plan whole', () => {
    expect(splitPlan(plan)).toEqual({ skeleton: plan, parts: [] });
  });
});
