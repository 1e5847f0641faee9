import { move, PlanBuilder } from '../testing/plan-builder';
import { analysePlan } from './analyse';
import { metricsAt } from './metrics';

describe(metricsAt.name, () => {
  /** Planning moves from back-office planners to a front-line team at the same depth. */
  const lateral = () =>
    PlanBuilder.aPlan()
      .with({
        actors: [
          { id: 'board', name: 'Nämnden', kind: 'governing_body' },
          { id: 'director', name: 'Förvaltningschef', kind: 'executive', reportsTo: 'board' },
          { id: 'manager', name: 'Enhetschef', kind: 'manager', reportsTo: 'director' },
          { id: 'planners', name: 'Planerare', kind: 'role', reportsTo: 'manager', meetsCitizens: false },
          { id: 'team', name: 'Hemtjänstgruppen', kind: 'team', reportsTo: 'manager' },
        ],
      })
      .area('plan1', { citizenFacing: true }, { deciderId: 'planners', delegatorId: 'manager' })
      .area('plan2', { citizenFacing: true }, { deciderId: 'planners', delegatorId: 'manager' })
      .stage('s1', [move('c1', 'plan1', 'team'), move('c2', 'plan2', 'team')]);

  it('shows lateral trust: the front line’s share of decisions grows while the depth stays', () => {
    const { metrics } = analysePlan(lateral().build());
    expect(metrics.map((m) => m.meanDeciderDepth)).toEqual([3, 3]);
    expect(metrics.map((m) => m.frontLineShare)).toEqual([0, 1]);
  });

  it('counts half a decision at level 4, where decider and delegator decide together', () => {
    const plan = lateral()
      .with({ stages: [] })
      .stage('s1', [{ id: 'c1', type: 'set_level', decisionAreaId: 'plan1', level: 4 }])
      .build();
    const moved = { ...plan, baseline: plan.baseline.map((r) => ({ ...r, deciderId: 'team' })) };
    expect(analysePlan(moved).metrics.map((m) => m.frontLineShare)).toEqual([1, 0.75]);
  });

  it('measures the share of core-operation decisions held by support functions', () => {
    const plan = PlanBuilder.aPlan()
      .actor('it', 'support_function', 'director', 'IT-enheten')
      .area('core1', { citizenFacing: true })
      .area('core2', { coreOperation: true })
      .area('support', {}, { deciderId: 'it' })
      .stage('s1', [move('c1', 'core1', 'it')])
      .build();
    expect(analysePlan(plan).metrics.map((m) => m.supportShareOfCore)).toEqual([0, 0.5]);
  });

  it('has no share when there are no decisions', () => {
    expect(analysePlan(PlanBuilder.aPlan().build()).metrics[0]).toMatchObject({ frontLineShare: null, supportShareOfCore: null });
  });
});
