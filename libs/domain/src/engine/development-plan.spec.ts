import { move, PlanBuilder } from '../testing/plan-builder';
import { analysePlan } from './analyse';
import { developmentPlan, gapsWithActions, whatIf } from './development-plan';

const builder = () =>
  PlanBuilder.aPlan()
    .competence('law', { officer: 1, manager: 3 })
    .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
    .stage('s1', [], { startDate: '2027-01-01' })
    .stage('s2', [move('c1', 'a1', 'officer')], { startDate: '2027-06-01' })
    .stage('s3', [], { startDate: '2028-01-01' });

const action = (id: string, beforeStageId: string, extra: object = {}) => ({
  id,
  actorId: 'officer',
  competenceId: 'law',
  targetLevel: 3,
  kind: 'training' as const,
  beforeStageId,
  ...extra,
});

describe(developmentPlan.name, () => {
  it('places each action before its stage, says what it closes and where it is late, and sums cost and effort', () => {
    const plan = builder()
      .push(
        'developmentActions',
        action('late', 's3', { costSek: 10000, effortHours: 8 }),
        action('team', 's1', { actorId: 'team', costSek: 5000, effortHours: 2 }),
      )
      .build();
    const analysis = analysePlan(plan);
    const dp = developmentPlan(plan, analysis, analysis.gaps);
    expect(dp.actions.map((r) => [r.action.id, r.beforeStageIndex, r.doneBy, r.unitName, r.closes, r.lateFor])).toEqual([
      ['team', 1, '2027-01-01', 'Enhetschef', [], []],
      ['late', 3, '2028-01-01', 'Enhetschef', [3], [2]],
    ]);
    expect(dp.byStage).toEqual([
      { stageIndex: 1, count: 1, costSek: 5000, effortHours: 2 },
      { stageIndex: 2, count: 0, costSek: 0, effortHours: 0 },
      { stageIndex: 3, count: 1, costSek: 10000, effortHours: 8 },
    ]);
    expect(dp.byUnit).toEqual([{ unitId: 'manager', unitName: 'Enhetschef', count: 2, costSek: 15000, effortHours: 10 }]);
    expect(dp.total).toEqual({ count: 2, costSek: 15000, effortHours: 10 });
  });
});

describe(whatIf.name, () => {
  it('shows which gaps a moved action closes, without changing the plan', () => {
    const plan = builder().push('developmentActions', action('d1', 's3')).build();
    const analysis = analysePlan(plan);
    const result = whatIf(plan, analysis, [action('d1', 's2')], 2);
    expect(result.changes).toEqual([
      expect.objectContaining({ stageIndex: 2, actorId: 'officer', competenceId: 'law', before: 'closed_too_late', after: 'closed_in_time' }),
    ]);
    expect(result.gaps.map((g) => g.status)).toEqual(['closed_in_time']);
    expect(result.openByStage).toEqual([
      { stageIndex: 1, before: 0, after: 0 },
      { stageIndex: 2, before: 1, after: 0 },
      { stageIndex: 3, before: 0, after: 0 },
    ]);
    expect(plan.developmentActions[0].beforeStageId).toBe('s3');
  });

  it('gives the same gaps as the analysis when nothing changes', () => {
    const plan = builder().push('developmentActions', action('d1', 's3')).build();
    const analysis = analysePlan(plan);
    expect(gapsWithActions(plan, analysis, plan.developmentActions)).toEqual(analysis.gaps);
    expect(whatIf(plan, analysis, plan.developmentActions, 2).changes).toEqual([]);
  });
});
