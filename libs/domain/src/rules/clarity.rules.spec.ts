import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { clarityFindings } from './clarity.rules';

const base = () =>
  PlanBuilder.aPlan()
    .area('a1')
    .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })]);

describe(clarityFindings.name, () => {
  it('flags an actor gaining decisions while its direction scores below the threshold', () => {
    const plan = base().push('clarity', { actorId: 'officer', stageId: 's1', mission: 4, goals: 3, direction: 2 }).build();
    const [f] = findingsOf(plan, 'clarity.low');
    expect(f).toMatchObject({ severity: 'warning', stageIndex: 1 });
    expect(f.message.en).toContain('direction (2)');
  });

  it('accepts an actor whose mission, goals and direction all reach the threshold', () => {
    const plan = base().push('clarity', { actorId: 'officer', stageId: 's1', mission: 3, goals: 3, direction: 3 }).build();
    expect([...findingsOf(plan, 'clarity.low'), ...findingsOf(plan, 'clarity.unassessed')]).toEqual([]);
  });

  it('uses the plan setting for the threshold', () => {
    const plan = base()
      .with({ settings: { clarityThreshold: 4, riskThreshold: 15 } })
      .push('clarity', { actorId: 'officer', stageId: 's1', mission: 3, goals: 4, direction: 4 })
      .build();
    expect(findingsOf(plan, 'clarity.low')).toHaveLength(1);
  });

  it('flags an actor gaining decisions whose clarity was never assessed', () => {
    expect(findingsOf(base().build(), 'clarity.unassessed')).toHaveLength(1);
  });

  it('does not ask for clarity of an actor that only keeps what it had', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'c1', type: 'set_reporting', decisionAreaId: 'a1', reporting: null }])
      .build();
    expect(findingsOf(plan, 'clarity.unassessed')).toEqual([]);
  });
});
