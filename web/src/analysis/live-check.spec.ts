import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { liveCheck } from './live-check';

const plan = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return result.plan;
})();
const saved = analysePlan(plan).findings;

describe(liveCheck.name, () => {
  it('reports the findings a draft would add: a formal decision moved to a team', () => {
    const draft = [
      ...plan.stages[3].changes,
      { id: 'x', type: 'move_decision' as const, decisionAreaId: 's-5-6', toDeciderId: 'htg-n', principleIds: [] },
    ];
    const check = liveCheck(plan, saved, 'etapp-4', draft);
    expect(check.added.map((f) => f.rule)).toContain('legality.group_delegate');
    expect(check.resolved).toEqual([]);
  });

  it('reports the findings a draft would resolve', () => {
    const draft = plan.stages[3].changes.filter((c) => c.id !== 'e4-fs-extra');
    expect(liveCheck(plan, saved, 'etapp-4', draft).resolved.map((f) => f.rule)).toContain('legality.onward_delegation_not_head');
  });

  it('reports nothing for a draft equal to what is saved', () => {
    expect(liveCheck(plan, saved, 'etapp-2', plan.stages[1].changes)).toEqual({ added: [], resolved: [] });
  });
});
