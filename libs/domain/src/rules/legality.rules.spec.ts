import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { legalityAreaFindings as legalityFindings } from './legality.rules';

const anmalan = { toId: 'board', frequency: 'monthly' as const, hoursPerYear: 4 };

describe(legalityFindings.name, () => {
  describe('non-delegable decisions', () => {
    it('flags a non-delegable decision decided below the governing body', () => {
      const plan = PlanBuilder.aPlan().area('goals', { nonDelegable: true, kind: 'formal' }, { reporting: anmalan }).build();
      expect(findingsOf(plan, 'legality.non_delegable')).toMatchObject([{ severity: 'blocker', stageIndex: 0 }]);
    });

    it('accepts it when the committee decides, or decides effectively (level 1–3)', () => {
      const plan = PlanBuilder.aPlan()
        .area('goals', { nonDelegable: true, kind: 'formal' }, { deciderId: 'board', delegatorId: null, level: 7 })
        .area('budget', { nonDelegable: true, kind: 'formal' }, { deciderId: 'director', delegatorId: 'board', level: 2, reporting: anmalan })
        .build();
      expect(findingsOf(plan, 'legality.non_delegable')).toEqual([]);
    });
  });

  describe('delegation to a group of employees', () => {
    it('flags a formal delegation to a team', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: anmalan })
        .stage('s1', [move('c1', 'a1', 'team')])
        .build();
      expect(findingsOf(plan, 'legality.group_delegate')).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
    });

    it('accepts a formal delegation to a role, and execution by a team', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: anmalan })
        .area('a2', { kind: 'execution' })
        .stage('s1', [move('c1', 'a1', 'officer'), move('c2', 'a2', 'team')])
        .build();
      expect(findingsOf(plan, 'legality.group_delegate')).toEqual([]);
    });
  });

  describe('report back (anmälan)', () => {
    it('flags a formal delegation that is not reported back to a governing body', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: { toId: 'director', frequency: 'monthly', hoursPerYear: 4 } })
        .build();
      expect(findingsOf(plan, 'legality.no_report_back')).toMatchObject([{ severity: 'warning' }]);
    });

    it('accepts a formal delegation reported to the committee', () => {
      expect(findingsOf(PlanBuilder.aPlan().area('a1', { kind: 'formal' }, { reporting: anmalan }).build(), 'legality.no_report_back')).toEqual([]);
    });
  });

  describe('onward delegation (vidaredelegering)', () => {
    it('flags onward delegation by an actor never given the right to delegate further', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: anmalan })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'manager' })])
        .build();
      expect(findingsOf(plan, 'legality.onward_delegation')).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
    });

    it('accepts onward delegation by an actor that held the right with vidaredelegering', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: anmalan, mayDelegateFurther: true })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'manager' })])
        .build();
      expect(findingsOf(plan, 'legality.onward_delegation')).toEqual([]);
    });

    it('accepts onward delegation that the ordinance grants', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal', onwardDelegationBy: ['director'] }, { delegatorId: 'director', reporting: anmalan })
        .build();
      expect(findingsOf(plan, 'legality.onward_delegation')).toEqual([]);
    });
  });
});
