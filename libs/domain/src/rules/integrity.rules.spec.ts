import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { integrityAreaCauses as integrityFindings } from './integrity.rules';

describe(integrityFindings.name, () => {
  it('flags an active decision area with no decider', () => {
    const plan = PlanBuilder.aPlan().area('a1', {}, null).build();
    expect(findingsOf(plan, 'integrity.no_decider')).toMatchObject([{ stageIndex: 0, severity: 'blocker' }]);
  });

  it('flags a decision area with two deciders in the baseline', () => {
    const plan = PlanBuilder.aPlan().area('a1').with({}).build();
    plan.baseline.push({ ...plan.baseline[0], deciderId: 'officer' });
    const [f] = findingsOf(plan, 'integrity.two_deciders');
    expect(f.subjects).toEqual([
      { type: 'decisionArea', id: 'a1' },
      { type: 'actor', id: 'manager' },
      { type: 'actor', id: 'officer' },
    ]);
  });

  it('keeps two baseline deciders a finding in every later state until a change settles who decides', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'c1', type: 'set_level', decisionAreaId: 'a1', level: 7 }])
      .stage('s2', [move('c2', 'a1', 'officer')])
      .stage('s3', [])
      .build();
    plan.baseline.push({ ...plan.baseline[0], deciderId: 'officer' });
    const found = findingsOf(plan, 'integrity.two_deciders');
    expect(found.map((f) => f.stageIndex)).toEqual([0, 1]);
    expect(found[1].message.sv).toContain('ingen förändring har ännu avgjort vem som beslutar');
    expect(found[1].since).toBe(0);
  });

  it('accepts a decision area with exactly one decider', () => {
    const plan = PlanBuilder.aPlan().area('a1').build();
    expect([...findingsOf(plan, 'integrity.no_decider'), ...findingsOf(plan, 'integrity.two_deciders')]).toEqual([]);
  });

  it('flags a retired substitute, and not once another is named', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { substituteId: 'officer' })
      .stage('s1', [{ id: 'r1', type: 'retire_actor', actorId: 'officer' }])
      .stage('s2', [{ id: 's2', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'director' }])
      .build();
    const found = findingsOf(plan, 'integrity.retired_decider');
    expect(found.map((f) => f.stageIndex)).toEqual([1]);
    expect(found[0].message.sv).toContain('ersättare');
  });

  it('flags a retired actor that still decides, and not once its decisions are moved', () => {
    const stale = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'r1', type: 'retire_actor', actorId: 'manager' }])
      .build();
    expect(findingsOf(stale, 'integrity.retired_decider')).toMatchObject([{ stageIndex: 1 }]);
    const moved = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [move('m1', 'a1', 'director'), { id: 'r1', type: 'retire_actor', actorId: 'manager' }])
      .build();
    expect(findingsOf(moved, 'integrity.retired_decider')).toEqual([]);
  });

  it('flags a cycle of delegators', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { deciderId: 'officer', delegatorId: 'team' })
      .area('a2', {}, { deciderId: 'team', delegatorId: 'officer' })
      .build();
    const [f] = findingsOf(plan, 'integrity.delegation_cycle');
    expect(f.subjects.filter((s) => s.type === 'actor').map((s) => s.id)).toEqual(['officer', 'team']);
  });

  it('reports an upward delegation once, not also as a cycle through the downward delegations', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { deciderId: 'officer', delegatorId: 'manager' })
      .area('a2', {}, { deciderId: 'manager', delegatorId: 'officer' })
      .area('a3', {}, { deciderId: 'manager', delegatorId: 'director' })
      .build();
    expect(findingsOf(plan, 'integrity.upward_delegation')).toHaveLength(1);
    expect(findingsOf(plan, 'integrity.delegation_cycle')).toEqual([]);
  });

  it('says so when an actor delegates to itself, and not as a cycle', () => {
    const plan = PlanBuilder.aPlan().area('a1', {}, { deciderId: 'manager', delegatorId: 'manager' }).build();
    const found = findingsOf(plan, 'integrity.self_delegation');
    expect(found.map((f) => f.message.sv)).toEqual(['Enhetschef delegerar a1 Ärende a1 till sig själv.']);
    expect(findingsOf(plan, 'integrity.delegation_cycle')).toEqual([]);
  });

  it('lists the areas of one cause in one finding, in ordinance order', () => {
    const plan = PlanBuilder.aPlan()
      .area('x10', { code: '2.10' }, { deciderId: 'director', delegatorId: 'officer' })
      .area('x9', { code: '2.9' }, { deciderId: 'director', delegatorId: 'officer' })
      .build();
    const found = findingsOf(plan, 'integrity.upward_delegation');
    expect(found).toHaveLength(1);
    expect(found[0].message.en).toBe('2.9 Ärende x9 and 2.10 Ärende x10 are delegated upwards: Handläggare delegates to Förvaltningschef above it.');
  });

  it('accepts a delegation chain that does not loop', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', {}, { deciderId: 'director', delegatorId: 'board' })
      .area('a2', {}, { deciderId: 'officer', delegatorId: 'manager' })
      .build();
    expect(findingsOf(plan, 'integrity.delegation_cycle')).toEqual([]);
  });

  it('flags a decision delegated upwards', () => {
    const plan = PlanBuilder.aPlan().area('a1', {}, { deciderId: 'director', delegatorId: 'officer' }).build();
    expect(findingsOf(plan, 'integrity.upward_delegation')).toHaveLength(1);
  });

  it('accepts a decision delegated downwards', () => {
    const plan = PlanBuilder.aPlan().area('a1', {}, { deciderId: 'officer', delegatorId: 'director' }).build();
    expect(findingsOf(plan, 'integrity.upward_delegation')).toEqual([]);
  });

  it('flags a reporting line that loops', () => {
    const plan = PlanBuilder.aPlan().actor('x', 'unit', 'y').actor('y', 'unit', 'x').build();
    expect(findingsOf(plan, 'integrity.hierarchy_cycle').map((f) => f.subjects[0].id)).toEqual(['x', 'y']);
  });

  it('reports a change that no longer applies instead of dropping it', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'x1', type: 'retire_decision_area', decisionAreaId: 'a1' }])
      .stage('s2', [move('x2', 'a1', 'officer')])
      .build();
    const [f] = findingsOf(plan, 'integrity.change_not_applicable');
    expect(f).toMatchObject({ stageIndex: 2, severity: 'blocker' });
    expect(f.subjects).toContainEqual({ type: 'change', id: 'x2' });
    expect(f.message.en).toContain('already retired');
  });

  it('accepts changes that apply', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [move('x1', 'a1', 'officer')])
      .build();
    expect(findingsOf(plan, 'integrity.change_not_applicable')).toEqual([]);
  });
});
