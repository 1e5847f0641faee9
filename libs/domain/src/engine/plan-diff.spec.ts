import fc from 'fast-check';
import { EXAMPLE_PLAN } from '../examples';
import { validatePlan } from '../format/validate';
import { Plan } from '../model/types';
import { syntheticPlan } from '../testing/synthetic-plan';
import { analysePlan } from './analyse';
import { applyPlanDiff, comparePlans, diffPlans, isEmptyPlanDiff, PLAN_LISTS, sameJson } from './plan-diff';

const example = (): Plan => {
  const validated = validatePlan(EXAMPLE_PLAN);
  if (!validated.ok) throw new Error('the example plan does not validate');
  return validated.plan;
};

const plans = fc
  .record({
    actors: fc.integer({ min: 1, max: 15 }),
    decisionAreas: fc.integer({ min: 0, max: 20 }),
    stages: fc.integer({ min: 1, max: 4 }),
    changes: fc.integer({ min: 0, max: 30 }),
    competences: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map((size) => syntheticPlan({ ...size, chaos: 0.4 }));

/** An edit of one list item: a field set to another value, or an optional field dropped. */
const edit = fc.record({
  field: fc.constantFrom('name', 'title', 'goal', 'level', 'headcount', 'description', 'id'),
  value: fc.oneof(fc.string(), fc.integer()),
});

/** Another plan made from `plan`: items dropped, edited, duplicated under a new key, and reordered. */
function mutated(plan: Plan) {
  return fc
    .record({
      title: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      lists: fc.record(
        Object.fromEntries(
          PLAN_LISTS.map((list) => [
            list,
            fc.record({
              keep: fc.shuffledSubarray(plan[list].map((_, i) => i)),
              edits: fc.array(fc.tuple(fc.nat(), edit), { maxLength: 4 }),
              copies: fc.array(fc.nat(), { maxLength: 3 }),
            }),
          ]),
        ) as Record<
          (typeof PLAN_LISTS)[number],
          fc.Arbitrary<{ keep: number[]; edits: Array<[number, { field: string; value: unknown }]>; copies: number[] }>
        >,
      ),
    })
    .map(({ title, lists }) => {
      const next: Record<string, unknown> = { ...plan, ...(title !== undefined && { title }) };
      for (const list of PLAN_LISTS) {
        const items = plan[list] as object[];
        const { keep, edits, copies } = lists[list];
        const kept = keep.map((i) => ({ ...items[i] }) as Record<string, unknown>);
        for (const [at, e] of edits) if (kept.length) kept[at % kept.length][e.field] = e.value;
        for (const [n, at] of copies.entries()) if (items.length) kept.push({ ...items[at % items.length], id: `kopia-${n}` });
        next[list] = kept;
      }
      return next as Plan;
    });
}

describe(diffPlans.name, () => {
  it('compares JSON values deeply, whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });

  it('finds nothing between a plan and itself', () => {
    fc.assert(fc.property(plans, (plan) => isEmptyPlanDiff(diffPlans(plan, plan))));
  });

  it('gives back the later plan when applied to the earlier one, also after a JSON round trip', () => {
    fc.assert(
      fc.property(
        plans.chain((a) => fc.tuple(fc.constant(a), mutated(a))),
        ([a, b]) => {
          const diff = JSON.parse(JSON.stringify(diffPlans(a, b))) as ReturnType<typeof diffPlans>;
          return sameJson(applyPlanDiff(a, diff), b);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names what changed field by field, and what was added and removed', () => {
    const a = example();
    const renamed = { ...a.actors[1], name: 'Biståndsenheten' };
    const b: Plan = {
      ...a,
      actors: [a.actors[0], renamed, ...a.actors.slice(2), { id: 'ny', name: 'Ny enhet', kind: 'unit', reportsTo: a.actors[0].id }],
      competences: a.competences.slice(1),
    };
    const diff = diffPlans(a, b);
    expect(diff.actors.changed).toEqual([
      { key: renamed.id, before: a.actors[1], after: renamed, fields: [{ field: 'name', before: a.actors[1].name, after: 'Biståndsenheten' }] },
    ]);
    expect(diff.actors.added.map((x) => x.key)).toEqual(['ny']);
    expect(diff.competences.removed.map((x) => x.key)).toEqual([a.competences[0].id]);
    expect(diff.actors.order).toBeNull();
    expect(diff.fields).toEqual([]);
  });
});

describe(comparePlans.name, () => {
  it('reports a moved decision at the stages where the decider differs, and the findings added and resolved', () => {
    const a = example();
    const right = a.baseline[0];
    const other = a.actors.find((x) => x.id !== right.deciderId && x.kind === 'manager') ?? a.actors[2];
    const validated = validatePlan({ ...a, baseline: [{ ...right, deciderId: other.id }, ...a.baseline.slice(1)] });
    if (!validated.ok) throw new Error('the edited example does not validate');
    const b = validated.plan;
    const comparison = comparePlans(a, analysePlan(a), b, analysePlan(b));
    const baseline = comparison.rights.find((r) => r.stageId === null);
    expect(baseline?.rights.map((r) => [r.decisionAreaId, r.before?.deciderId, r.after?.deciderId])).toContainEqual([
      right.decisionAreaId,
      right.deciderId,
      other.id,
    ]);
    expect(comparison.plan.baseline.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['deciderId']]);
    const same = comparePlans(a, analysePlan(a), a, analysePlan(a));
    expect(same.rights).toEqual([]);
    expect(same.findings).toEqual({ added: [], resolved: [] });
  });
});
