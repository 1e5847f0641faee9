import { PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { stepFindings } from './steps.rules';

const change = { id: 'c1', type: 'set_level' as const, decisionAreaId: 'a1', level: 6 };

describe(stepFindings.name, () => {
  it('flags a stage with no changes', () => {
    const plan = PlanBuilder.aPlan().area('a1').stage('s1', []).build();
    expect(findingsOf(plan, 'steps.no_changes')).toHaveLength(1);
  });

  it('flags a stage with no goal', () => {
    const plan = PlanBuilder.aPlan().area('a1').stage('s1', [change], { goal: '  ' }).build();
    expect(findingsOf(plan, 'steps.no_goal')).toHaveLength(1);
  });

  it('flags a stage with no gate criteria', () => {
    const plan = PlanBuilder.aPlan().area('a1').stage('s1', [change], { gateCriteria: [] }).build();
    expect(findingsOf(plan, 'steps.no_gate_criteria')).toHaveLength(1);
  });

  it('accepts a stage with changes, a goal and gate criteria', () => {
    const plan = PlanBuilder.aPlan().area('a1').stage('s1', [change]).build();
    const all = [...findingsOf(plan, 'steps.no_changes'), ...findingsOf(plan, 'steps.no_goal'), ...findingsOf(plan, 'steps.no_gate_criteria')];
    expect(all).toEqual([]);
  });
});
