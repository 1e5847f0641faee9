import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { analysePlan } from '../engine/analyse';
import { participationFindings } from './participation.rules';

const moveToOfficer = () =>
  PlanBuilder.aPlan()
    .area('a1')
    .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })]);

describe(participationFindings.name, () => {
  it('flags both the actor that gains and the one that loses a decision when neither was consulted', () => {
    const found = findingsOf(moveToOfficer().build(), 'participation.not_consulted');
    expect(found.map((f) => f.subjects[0].id).sort()).toEqual(['manager', 'officer']);
  });

  it('accepts actors that took part in a consultation on the stage, directly or by hierarchy level', () => {
    const plan = moveToOfficer()
      .push('consultations', { id: 'k1', stageId: 's1', format: 'workshop', actorIds: ['manager'], levels: [3] })
      .build();
    expect(findingsOf(plan, 'participation.not_consulted')).toEqual([]);
  });

  it('does not count a consultation held for another stage', () => {
    const plan = moveToOfficer()
      .stage('s2', [{ id: 'c2', type: 'set_level', decisionAreaId: 'a1', level: 7 }])
      .push('consultations', { id: 'k1', stageId: 's2', format: 'workshop', actorIds: ['manager', 'officer'] })
      .build();
    expect(findingsOf(plan, 'participation.not_consulted').filter((f) => f.stageIndex === 1)).toHaveLength(2);
  });

  it('flags a structural change with no union negotiation as a blocker', () => {
    const plan = PlanBuilder.aPlan()
      .stage('s1', [{ id: 'c1', type: 'add_actor', actor: { id: 'team2', name: 'Nytt lag', kind: 'team', reportsTo: 'manager' } }])
      .build();
    expect(findingsOf(plan, 'participation.no_union_negotiation')).toMatchObject([{ severity: 'blocker', stageIndex: 1 }]);
  });

  it('accepts a structural change negotiated with the unions (MBL)', () => {
    const plan = PlanBuilder.aPlan()
      .stage('s1', [{ id: 'c1', type: 'add_actor', actor: { id: 'team2', name: 'Nytt lag', kind: 'team', reportsTo: 'manager' } }])
      .push('consultations', { id: 'k1', stageId: 's1', format: 'union_negotiation', actorIds: ['director'] })
      .build();
    expect(findingsOf(plan, 'participation.no_union_negotiation')).toEqual([]);
  });

  it('warns when a decision is taken away from the role that does the work without hearing it (the professionals’ voice)', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { deciderId: 'officer' })
      .stage('s1', [move('c1', 'a1', 'manager')])
      .push('consultations', { id: 'k1', stageId: 's1', format: 'union_negotiation', actorIds: ['director', 'manager'] })
      .build();
    const found = findingsOf(plan, 'participation.not_consulted');
    expect(found.map((f) => [f.subjects[0].id, f.severity])).toEqual([['officer', 'warning']]);
    expect(found[0].message.sv).toContain('Handläggare lämnar a1 Ärende a1');
  });

  describe('comments', () => {
    const comment = (id: string, extra: Record<string, unknown> = {}) => ({ id, stageId: 's1', author: 'A', text: 'Synpunkt', ...extra });

    it('counts a comment from a unit posted before the stage starts as that unit heard', () => {
      const plan = moveToOfficer()
        .with({ stages: [] })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })], { startDate: '2027-03-01' })
        .push('comments', comment('k1', { actorId: 'officer', createdAt: '2027-02-01T10:00:00Z' }))
        .build();
      // The officer spoke for itself; its manager is heard through its people.
      expect(findingsOf(plan, 'participation.not_consulted')).toEqual([]);
    });

    it('does not count a comment posted after the stage started, nor one naming no unit', () => {
      const plan = moveToOfficer()
        .with({ stages: [] })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })], { startDate: '2027-03-01' })
        .push('comments', comment('k1', { actorId: 'officer', createdAt: '2027-03-02T10:00:00Z' }))
        .push('comments', comment('k2', { createdAt: '2027-02-01T10:00:00Z' }))
        .build();
      expect(findingsOf(plan, 'participation.not_consulted')).toHaveLength(2);
    });

    it('lists the comments the change lead has not answered, and how many came from union representatives', () => {
      const plan = moveToOfficer()
        .push('comments', comment('k1', { unionRep: true }))
        .push('comments', comment('k2'))
        .push('comments', comment('k3', { replyTo: 'k2' }))
        .build();
      const [found] = findingsOf(plan, 'participation.unanswered_comments');
      expect(found).toMatchObject({ severity: 'info', stageIndex: 1 });
      expect(found.message.sv).toBe('Etapp 1 ”Etapp s1” har 2 obesvarade kommentarer, varav 1 från fackliga företrädare.');
    });

    it('takes an answer as answering the comment it replies to', () => {
      const plan = moveToOfficer()
        .push('comments', comment('k1'))
        .push('comments', comment('k2', { replyTo: 'k1', answer: true }))
        .build();
      expect(findingsOf(plan, 'participation.unanswered_comments')).toEqual([]);
    });
  });

  describe('dates', () => {
    const dated = (date: string | undefined) =>
      moveToOfficer()
        .with({ stages: [] })
        .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })], { startDate: '2027-03-01' })
        .push('consultations', { id: 'k1', stageId: 's1', format: 'workshop', actorIds: ['manager', 'officer'], ...(date ? { date } : {}) })
        .push('consultations', { id: 'k2', stageId: 's1', format: 'union_negotiation', actorIds: ['director'], ...(date ? { date } : {}) })
        .build();

    it('counts consultations and MBL negotiations dated before the stage starts', () => {
      const plan = dated('2027-02-10');
      expect([...findingsOf(plan, 'participation.not_consulted'), ...findingsOf(plan, 'participation.no_union_negotiation')]).toEqual([]);
    });

    it.each([['2027-03-01'], ['2027-04-15'], [undefined]])('does not count those dated %s for a stage starting 2027-03-01, and says why', (date) => {
      const plan = dated(date);
      const notConsulted = findingsOf(plan, 'participation.not_consulted');
      expect(notConsulted).toHaveLength(2);
      expect(notConsulted[0].message.sv).toContain('2 dialoger räknas inte eftersom de saknar datum före etappens start 2027-03-01');
      expect(findingsOf(plan, 'participation.no_union_negotiation')).toHaveLength(1);
    });

    it('shows consultations dated after today as planned, not held', () => {
      const plan = dated('2027-02-10');
      const found = analysePlan(plan, { today: '2026-12-01' }).findings.filter((f) => f.rule === 'participation.planned');
      expect(found).toMatchObject([{ severity: 'info', stageIndex: 1 }]);
      expect(found[0].message.sv).toBe(
        'Etapp 1 ”Etapp s1”: workshopen 2027-02-10 och MBL-förhandlingen 2027-02-10 är planerade, de har inte ägt rum än.',
      );
      expect(analysePlan(plan, { today: '2027-02-11' }).findings.filter((f) => f.rule === 'participation.planned')).toEqual([]);
      expect(analysePlan(plan).findings.filter((f) => f.rule === 'participation.planned')).toEqual([]);
    });
  });

  describe('MBL 11 §: any major change of working conditions, not only structure', () => {
    it('asks for a union negotiation when a stage hands a decision to a group of employees or a role', () => {
      const toTeam = PlanBuilder.aPlan()
        .area('schema')
        .stage('s1', [move('c1', 'schema', 'team', { delegatorId: 'manager' })])
        .build();
      const [found] = findingsOf(toTeam, 'participation.no_union_negotiation');
      expect(found.subjects).toContainEqual({ type: 'decisionArea', id: 'schema' });
      expect(found.message.sv).toContain('nya arbetsuppgifter för medarbetare');
      expect(findingsOf(moveToOfficer().build(), 'participation.no_union_negotiation')).toHaveLength(1);
    });

    it('names the decisions in ordinance order', () => {
      const plan = PlanBuilder.aPlan()
        .area('a-late', { code: '10.1', title: 'Schema' })
        .area('z-early', { code: '9.2', title: 'Metod' })
        .stage('s1', [move('c1', 'a-late', 'team'), move('c2', 'z-early', 'team')])
        .build();
      const [found] = findingsOf(plan, 'participation.no_union_negotiation');
      expect(found.message.sv).toContain('(9.2 Metod och 10.1 Schema)');
    });

    it('keeps the finding’s key while the list of decisions it concerns grows', () => {
      const one = PlanBuilder.aPlan()
        .area('a1')
        .area('a2')
        .stage('s1', [move('c1', 'a1', 'team')]);
      const two = PlanBuilder.aPlan()
        .area('a1')
        .area('a2')
        .stage('s1', [move('c1', 'a1', 'team'), move('c2', 'a2', 'team')]);
      const [a] = findingsOf(one.build(), 'participation.no_union_negotiation');
      const [b] = findingsOf(two.build(), 'participation.no_union_negotiation');
      expect(b.subjects.length).toBeGreaterThan(a.subjects.length);
      expect(b.key).toBe(a.key);
    });

    it('does not ask for one when decisions only move between managers and bodies', () => {
      const plan = PlanBuilder.aPlan()
        .area('a1')
        .stage('s1', [move('c1', 'a1', 'director', { delegatorId: 'board' })])
        .build();
      expect(findingsOf(plan, 'participation.no_union_negotiation')).toEqual([]);
    });
  });
});
