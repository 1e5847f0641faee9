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

  describe('raised limits count like raised levels', () => {
    const pbb = (amount: number) => ({ amount, unit: 'prisbasbelopp' as const });

    it('flags a raised limit while reporting stays as heavy', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { limit: '1 prisbasbelopp', limitValue: pbb(1) }, { delegatorId: 'director', reporting: reporting(12) })
        .stage('s1', [{ id: 'c1', type: 'set_limit', decisionAreaId: 'a1', limit: pbb(3) }])
        .build();
      expect(findingsOf(plan, 'control_balance.reporting_not_reduced')).toMatchObject([{ stageIndex: 1, subjects: [{ id: 's1' }, { id: 'a1' }] }]);
    });

    it('accepts a raised limit with lighter reporting, and a lowered one', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { limitValue: pbb(1) }, { delegatorId: 'director', reporting: reporting(12) })
        .area('a2', { limitValue: pbb(5) }, { delegatorId: 'director', reporting: reporting(12) })
        .stage('s1', [
          { id: 'c1', type: 'set_limit', decisionAreaId: 'a1', limit: pbb(3) },
          { id: 'c2', type: 'set_reporting', decisionAreaId: 'a1', reporting: reporting(4) },
          { id: 'c3', type: 'set_limit', decisionAreaId: 'a2', limit: pbb(2) },
        ])
        .build();
      expect(findingsOf(plan, 'control_balance.reporting_not_reduced')).toEqual([]);
    });
  });
});
