import { PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { controlBalanceFindings } from './control-balance.rules';

const reporting = (hoursPerYear: number) => ({ toId: 'director', frequency: 'monthly' as const, hoursPerYear });

describe(controlBalanceFindings.name, () => {
  it('flags a rising delegation level while reporting stays as heavy', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { delegatorId: 'director', level: 3, reporting: reporting(40) })
      .stage('s1', [{ id: 'c1', type: 'set_level', decisionAreaId: 'a1', level: 6 }])
      .build();
    expect(findingsOf(plan, 'control_balance.reporting_not_reduced')).toMatchObject([{ severity: 'warning', stageIndex: 1 }]);
  });

  it('accepts a rising level when reporting is cut in the same stage', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { delegatorId: 'director', level: 3, reporting: reporting(40) })
      .stage('s1', [
        { id: 'c1', type: 'set_level', decisionAreaId: 'a1', level: 6 },
        { id: 'c2', type: 'set_reporting', decisionAreaId: 'a1', reporting: reporting(8) },
      ])
      .build();
    expect(findingsOf(plan, 'control_balance.reporting_not_reduced')).toEqual([]);
  });

  it('accepts a level that does not rise', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { delegatorId: 'director', level: 6, reporting: reporting(40) })
      .stage('s1', [{ id: 'c1', type: 'set_level', decisionAreaId: 'a1', level: 5 }])
      .build();
    expect(findingsOf(plan, 'control_balance.reporting_not_reduced')).toEqual([]);
  });
});
