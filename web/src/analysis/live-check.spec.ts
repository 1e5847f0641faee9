import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { liveCheck, withDraft } from './live-check';

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

  it('reports a finding of one cause again when the draft adds to what it concerns', () => {
    const move = (id: string, areaId: string) => ({
      id,
      type: 'move_decision' as const,
      decisionAreaId: areaId,
      toDeciderId: 'htg-n',
      principleIds: [],
    });
    const one = [...plan.stages[3].changes, move('x', 's-5-6')];
    const withOne = withDraft(plan, 'etapp-4', one);
    const savedOne = analysePlan(withOne).findings;
    const check = liveCheck(withOne, savedOne, 'etapp-4', [...one, move('y', 's-5-2')]);
    const grouped = check.added.filter((f) => f.rule === 'legality.group_delegate' && f.stageIndex === 4);
    // One finding for the team, naming both decision areas; it was there before, so nothing is resolved by it.
    expect(grouped).toHaveLength(1);
    expect(grouped[0].subjects.filter((s) => s.type === 'decisionArea').map((s) => s.id)).toEqual(expect.arrayContaining(['s-5-6', 's-5-2']));
    expect(savedOne.some((f) => f.id === grouped[0].id)).toBe(true);
    expect(check.resolved.filter((f) => f.rule === 'legality.group_delegate')).toEqual([]);
    // The same draft again adds nothing.
    expect(liveCheck(withOne, savedOne, 'etapp-4', one)).toEqual({ added: [], resolved: [] });
  });

  it('reports the findings a draft would resolve', () => {
    const draft = plan.stages[3].changes.filter((c) => c.id !== 'e4-fs-extra');
    expect(liveCheck(plan, saved, 'etapp-4', draft).resolved.map((f) => f.rule)).toContain('legality.onward_delegation_not_head');
  });

  it('reports nothing for a draft equal to what is saved', () => {
    expect(liveCheck(plan, saved, 'etapp-2', plan.stages[1].changes)).toEqual({ added: [], resolved: [] });
  });
});

describe(`${liveCheck.name} with lasting findings`, () => {
  // A team decides 5.6 from stage 2 to the plan's end: one finding, from stage 2 on.
  const move = (id: string, areaId: string, to: string) => ({
    id,
    type: 'move_decision' as const,
    decisionAreaId: areaId,
    toDeciderId: to,
    principleIds: [],
  });
  const lasting = withDraft(plan, 'etapp-2', [...plan.stages[1].changes, move('x', 's-5-6', 'htg-n')]);
  const savedLasting = analysePlan(lasting).findings;
  const team = (list: typeof saved) => list.filter((f) => f.rule === 'legality.group_delegate');

  it('is one finding over the stages it holds in', () => {
    expect(team(savedLasting).map((f) => [f.stageIndex, f.until])).toEqual([[2, null]]);
  });

  it('counts a lasting finding as resolved when a later stage ends it, and not as added', () => {
    // Stage 4 gives 5.6 back to a person: the finding now ends with stage 3.
    const draft = [...lasting.stages[3].changes, move('back', 's-5-6', plan.baseline.find((r) => r.decisionAreaId === 's-5-6')?.deciderId ?? '')];
    const check = liveCheck(lasting, savedLasting, 'etapp-4', draft);
    expect(team(check.resolved).map((f) => [f.stageIndex, f.until])).toEqual([[2, null]]);
    expect(team(check.added)).toEqual([]);
  });

  it('counts it as added where a later stage makes it concern more', () => {
    const check = liveCheck(lasting, savedLasting, 'etapp-4', [...lasting.stages[3].changes, move('y', 's-5-2', 'htg-n')]);
    expect(team(check.added).map((f) => f.stageIndex)).toEqual([4]);
    expect(team(check.resolved)).toEqual([]);
  });
});
