import { move, PlanBuilder } from '../testing/plan-builder';
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

  describe('support functions deciding the core operation', () => {
    const plan = (to: string, area: object) =>
      PlanBuilder.aPlan()
        .actor('hr', 'support_function', 'director', 'HR-enheten')
        .area('a1', area)
        .area('a2', area)
        .stage('s1', [move('c1', 'a1', to), move('c2', 'a2', to)])
        .build();

    it('warns once per support function that gains core decisions', () => {
      const found = findingsOf(plan('hr', { citizenFacing: true }), 'control_balance.support_function_core');
      expect(found).toMatchObject([{ severity: 'warning', stageIndex: 1 }]);
      expect(found[0].message.sv).toBe(
        'I etapp 1 ”Etapp s1” får stödfunktionen HR-enheten besluta om a1 Ärende a1 och a2 Ärende a2, som hör till kärnverksamheten.',
      );
    });

    it('accepts support matters with a support function, and core matters with the operation', () => {
      expect(findingsOf(plan('hr', { coreOperation: false, citizenFacing: true }), 'control_balance.support_function_core')).toEqual([]);
      expect(findingsOf(plan('officer', { citizenFacing: true }), 'control_balance.support_function_core')).toEqual([]);
    });
  });
});
