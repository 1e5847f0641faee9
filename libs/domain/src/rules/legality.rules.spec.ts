import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { analysePlan } from '../engine/analyse';
import { Plan } from '../model/types';
import { legalityAreaCauses as legalityFindings } from './legality.rules';

const analysed = (plan: Plan) => analysePlan(plan).findings;

const anmalan = { toId: 'board', frequency: 'monthly' as const, hoursPerYear: 4 };

/** The builder's municipality with a working committee (utskott) and its chair under the committee. */
const withElected = () =>
  PlanBuilder.aPlan().with({
    actors: [
      { id: 'board', name: 'Nämnden', kind: 'governing_body', legalRole: 'committee' },
      { id: 'au', name: 'Arbetsutskottet', kind: 'governing_body', legalRole: 'working_committee', reportsTo: 'board' },
      { id: 'chair', name: 'Ordföranden', kind: 'governing_body', legalRole: 'chair', reportsTo: 'board' },
      { id: 'director', name: 'Förvaltningschef', kind: 'executive', reportsTo: 'board' },
      { id: 'manager', name: 'Enhetschef', kind: 'manager', reportsTo: 'director' },
      { id: 'officer', name: 'Handläggare', kind: 'role', reportsTo: 'manager' },
      { id: 'team', name: 'Arbetslaget', kind: 'team', reportsTo: 'manager' },
    ],
  });

describe(legalityFindings.name, () => {
  describe('KL 6:38 matters stay with the committee itself', () => {
    it('flags a non-delegable decision decided below the governing body', () => {
      const plan = PlanBuilder.aPlan().area('goals', { nonDelegable: true, kind: 'formal' }, { reporting: anmalan }).build();
      expect(findingsOf(plan, 'legality.non_delegable')).toMatchObject([{ severity: 'blocker', stageIndex: 0 }]);
    });

    it('flags one decided by the committee’s utskott or its chair, citing KL 6:38', () => {
      const plan = withElected()
        .area('goals', { nonDelegable: true, kind: 'formal' }, { deciderId: 'au', reporting: anmalan })
        .area('principle', { nonDelegable: true, kind: 'formal' }, { deciderId: 'chair', reporting: anmalan })
        .build();
      const found = findingsOf(plan, 'legality.non_delegable');
      expect(found.map((f) => f.subjects[0].id).sort()).toEqual(['au', 'chair']);
      expect(found[0].message.sv).toContain('KL 6 kap. 38 §');
      expect(found.find((f) => f.subjects[0].id === 'au')?.message.sv).toContain('ett utskott');
    });

    it('accepts it when the committee decides, or decides effectively (level 1–3)', () => {
      const plan = PlanBuilder.aPlan()
        .area('goals', { nonDelegable: true, kind: 'formal' }, { deciderId: 'board', delegatorId: null, level: 7 })
        .area('budget', { nonDelegable: true, kind: 'formal' }, { deciderId: 'director', delegatorId: 'board', level: 2, reporting: anmalan })
        .build();
      expect(findingsOf(plan, 'legality.non_delegable')).toEqual([]);
    });

    it('follows a level change only where it moves the decision: one finding until the committee decides effectively', () => {
      const level = (id: string, to: number) => ({ id, type: 'set_level' as const, decisionAreaId: 'budget', level: to });
      const plan = PlanBuilder.aPlan()
        .area('budget', { nonDelegable: true, kind: 'formal' }, { deciderId: 'director', delegatorId: 'board', level: 6, reporting: anmalan })
        // 6 → 5: the director still decides; 5 → 3: the committee does.
        .stage('s1', [level('l1', 5)])
        .stage('s2', [level('l2', 3)])
        .stage('s3', [])
        .build();
      expect(findingsOf(plan, 'legality.non_delegable').map((f) => [f.stageIndex, f.until])).toEqual([[0, 1]]);
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

    it('accepts onward-delegated decisions reported to the förvaltningschef (KL 7:8)', () => {
      const plan = PlanBuilder.aPlan()
        .area(
          'a1',
          { kind: 'formal', onwardDelegationBy: ['director'] },
          { deciderId: 'officer', delegatorId: 'director', reporting: { toId: 'director', frequency: 'monthly', hoursPerYear: 4 } },
        )
        .build();
      expect(findingsOf(plan, 'legality.no_report_back')).toEqual([]);
    });

    it('flags onward-delegated decisions reported to neither the committee nor the förvaltningschef, citing KL 7:8', () => {
      const plan = PlanBuilder.aPlan()
        .area(
          'a1',
          { kind: 'formal', onwardDelegationBy: ['director'] },
          { deciderId: 'officer', delegatorId: 'director', reporting: { toId: 'manager', frequency: 'monthly', hoursPerYear: 4 } },
        )
        .build();
      const [found] = findingsOf(plan, 'legality.no_report_back');
      expect(found.message.sv).toContain('7 kap. 8 §');
    });

    it('accepts no reporting when the committee itself decided such decisions are not reported (KL 6:40)', () => {
      const plan = PlanBuilder.aPlan()
        .area(
          'a1',
          { kind: 'formal', reportingExemption: { decidedBy: 'board', decidedOn: '2026-11-12', reference: 'SN § 87' } },
          { reporting: null },
        )
        .build();
      expect(analysed(plan).filter((f) => f.group === 'legality')).toEqual([]);
    });

    it('still flags it when the exemption was decided by someone other than the committee', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal', reportingExemption: { decidedBy: 'director' } }, { reporting: null })
        .build();
      const [found] = findingsOf(plan, 'legality.no_report_back');
      expect(found.message.sv).toContain('bara nämnden själv');
    });

    it('asks the utskott to report its delegated decisions to the committee too', () => {
      const plan = withElected().area('a1', { kind: 'formal' }, { deciderId: 'au', reporting: null }).build();
      expect(findingsOf(plan, 'legality.no_report_back')).toHaveLength(1);
    });
  });

  describe('onward delegation (vidaredelegering)', () => {
    it('flags onward delegation by anyone but the förvaltningschef as a blocker, even when the ordinance names them', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal', onwardDelegationBy: ['manager'] }, { reporting: anmalan, mayDelegateFurther: true })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'manager' })])
        .build();
      const found = findingsOf(plan, 'legality.onward_delegation_not_head');
      expect(found).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
      expect(found[0].message.sv).toContain('KL 7 kap. 6 §');
      expect(findingsOf(plan, 'legality.onward_delegation')).toEqual([]);
    });

    it('never suggests giving someone other than the förvaltningschef the right to delegate further', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { reporting: anmalan })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'manager' })])
        .build();
      const [found] = findingsOf(plan, 'legality.onward_delegation_not_head');
      expect(found.fix.sv).not.toMatch(/Enhetschef rätt/);
      expect(found.fix.sv).toContain('direkt till Handläggare');
      expect(found.fix.sv).toContain('förvaltningschefen');
    });

    it('flags onward delegation by the förvaltningschef without the right to delegate further', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { deciderId: 'director', reporting: anmalan })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'director' })])
        .build();
      expect(findingsOf(plan, 'legality.onward_delegation')).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
    });

    it('accepts onward delegation by the förvaltningschef holding the right with vidaredelegering', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal' }, { deciderId: 'director', reporting: anmalan, mayDelegateFurther: true })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'director' })])
        .build();
      expect(analysed(plan).filter((f) => f.rule.startsWith('legality.onward'))).toEqual([]);
    });

    it('accepts onward delegation that the ordinance grants the förvaltningschef', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1', { kind: 'formal', onwardDelegationBy: ['director'] }, { delegatorId: 'director', reporting: anmalan })
        .build();
      expect(analysed(plan).filter((f) => f.rule.startsWith('legality.onward'))).toEqual([]);
    });

    it('recognises a förvaltningschef marked as such, wherever it sits', () => {
      const plan = PlanBuilder.aPlan()
        .actor('chief', 'manager', 'director', 'Socialchef')
        .area('a1', { kind: 'formal', onwardDelegationBy: ['chief'] }, { deciderId: 'officer', delegatorId: 'chief', reporting: anmalan })
        .build();
      const marked = { ...plan, actors: plan.actors.map((a) => (a.id === 'chief' ? { ...a, legalRole: 'head_of_administration' as const } : a)) };
      expect(findingsOf(plan, 'legality.onward_delegation_not_head')).toHaveLength(1);
      expect(findingsOf(marked, 'legality.onward_delegation_not_head')).toEqual([]);
    });
  });

  describe('matters a law lets only an utskott decide', () => {
    const onlyAu = { to: ['working_committee' as const], legalBasis: '10 kap. 4 § SoL' };

    it('flags moving one to an employee as a blocker that cites the legal basis', () => {
      const plan = withElected()
        .area('lvu', { kind: 'formal', delegationRestriction: onlyAu }, { deciderId: 'au', reporting: anmalan })
        .stage('s1', [move('c1', 'lvu', 'officer', { delegatorId: 'board' })])
        .build();
      const found = findingsOf(plan, 'legality.delegate_not_allowed');
      expect(found).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
      expect(found[0].message.sv).toContain('10 kap. 4 § SoL');
    });

    it('accepts the utskott, and the committee itself', () => {
      const plan = withElected()
        .area('lvu', { kind: 'formal', delegationRestriction: onlyAu }, { deciderId: 'au', reporting: anmalan })
        .area('lvu2', { kind: 'formal', delegationRestriction: onlyAu }, { deciderId: 'board', delegatorId: null })
        .build();
      expect(findingsOf(plan, 'legality.delegate_not_allowed')).toEqual([]);
    });

    it('flags an employee as the substitute of such a matter', () => {
      const plan = withElected()
        .area('lvu', { kind: 'formal', delegationRestriction: onlyAu }, { deciderId: 'au', substituteId: 'director', reporting: anmalan })
        .build();
      const [found] = findingsOf(plan, 'legality.delegate_not_allowed');
      expect(found.subjects).toContainEqual({ type: 'actor', id: 'director' });
      expect(found.message.sv).toContain('är ersättare');
    });
  });

  describe('qualification (behörighet)', () => {
    const socionom = { qualifications: ['socionomexamen'], legalBasis: '3 kap. 3 a § SoL' };

    it('flags a decider whose role lacks the qualification the matter requires', () => {
      const plan = PlanBuilder.aPlan()
        .area('utr', { kind: 'formal', qualificationRequirement: socionom }, { reporting: anmalan })
        .stage('s1', [move('c1', 'utr', 'officer')])
        .build();
      const found = findingsOf(plan, 'legality.qualification_missing');
      expect(found.map((f) => f.stageIndex)).toEqual([0, 1]);
      expect(found[1].subjects).toContainEqual({ type: 'actor', id: 'officer' });
      expect(found[1].message.sv).toContain('socionomexamen');
    });

    it('accepts a role that holds it, whatever its case', () => {
      const plan = PlanBuilder.aPlan()
        .with({
          actors: [
            ...PlanBuilder.aPlan()
              .build()
              .actors.map((a) => (a.id === 'officer' ? { ...a, qualifications: ['Socionomexamen'] } : a)),
          ],
        })
        .area('utr', { kind: 'formal', qualificationRequirement: socionom }, { deciderId: 'officer', reporting: anmalan })
        .build();
      expect(findingsOf(plan, 'legality.qualification_missing')).toEqual([]);
    });
  });
});
