import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { competenceFindings } from './competence.rules';

const base = () =>
  PlanBuilder.aPlan()
    .competence('law', { manager: 3, officer: 1 })
    .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
    .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })])
    .stage('s2', []);

describe(competenceFindings.name, () => {
  it('flags a new decider whose competence is below the requirement, as a blocker with the causing decision', () => {
    const found = findingsOf(base().build(), 'competence.gap');
    // One finding for the gap that lasts from stage 1 to the plan's end.
    expect(found.map((f) => [f.stageIndex, f.until])).toEqual([[1, null]]);
    expect(found[0].message.sv).toMatch(/ Kvarstår från etapp 1 och framåt \(2 etapper\)\.$/);
    expect(found[0].message.en).toMatch(/ Holds from stage 1 on \(2 stages\)\.$/);
    expect(found[0]).toMatchObject({ severity: 'blocker' });
    expect(found[0].subjects).toEqual(
      expect.arrayContaining([
        { type: 'actor', id: 'officer' },
        { type: 'competence', id: 'law' },
        { type: 'decisionArea', id: 'a1' },
      ]),
    );
  });

  it('does not flag a gap that a development action closes before the stage starts', () => {
    const plan = base()
      .push('developmentActions', { id: 'd1', actorId: 'officer', competenceId: 'law', targetLevel: 3, kind: 'training', beforeStageId: 's1' })
      .build();
    expect(findingsOf(plan, 'competence.gap')).toEqual([]);
  });

  it('flags as a blocker a gap whose closing action is planned too late, naming the action and the stage to move it to', () => {
    const plan = base()
      .push('developmentActions', {
        id: 'd1',
        actorId: 'officer',
        competenceId: 'law',
        targetLevel: 3,
        kind: 'training',
        beforeStageId: 's2',
        description: 'Juridik för handläggare',
      })
      .build();
    const found = findingsOf(plan, 'competence.gap');
    // Closed before stage 2: it holds in stage 1 only, and says no range.
    expect(found.map((f) => [f.stageIndex, f.until, f.severity])).toEqual([[1, 1, 'blocker']]);
    expect(found[0].message.sv).not.toContain('Kvarstår');
    expect(found[0].fix.sv).toBe(
      'Flytta utbildningen ”Juridik för handläggare” så att den är klar före etapp 1 (i stället för etapp 2), eller skjut upp flytten av beslutet.',
    );
    expect(found[0].message.sv).not.toContain('d1');
  });

  it('flags as a blocker a gap whose action in time aims too low, and says to raise its target level', () => {
    const plan = base()
      .push('developmentActions', { id: 'd1', actorId: 'officer', competenceId: 'law', targetLevel: 2, kind: 'mentoring', beforeStageId: 's1' })
      .build();
    const found = findingsOf(plan, 'competence.gap');
    expect(found.map((f) => [f.severity, f.stageIndex, f.until])).toEqual([['blocker', 1, null]]);
    expect(found[0].fix.sv).toBe('Höj målnivån för mentorskapet från 2 till 3, eller låt beslutet ligga kvar.');
  });

  it('judges a manager who gains a core decision like the front line', () => {
    const plan = PlanBuilder.aPlan()
      .competence('care', { director: 3, manager: 1 })
      .area('a1', { requirements: [{ competenceId: 'care', level: 3 }] }, { deciderId: 'director' })
      .stage('s1', [move('c1', 'a1', 'manager', { delegatorId: 'board' })])
      .build();
    const found = findingsOf(plan, 'competence.gap');
    expect(found).toMatchObject([{ stageIndex: 1, severity: 'blocker' }]);
    expect(found[0].subjects[0]).toEqual({ type: 'actor', id: 'manager' });
  });

  it('judges the effective decider: at level 3 the delegator still decides', () => {
    const plan = PlanBuilder.aPlan()
      .competence('law', { manager: 3, officer: 1 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
      .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'manager', level: 3 })])
      .build();
    expect(findingsOf(plan, 'competence.gap')).toEqual([]);
  });

  it('judges the substitute like the decider', () => {
    const plan = PlanBuilder.aPlan()
      .competence('law', { manager: 3, officer: 1, director: 3 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
      .stage('s1', [{ id: 'c1', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'officer' }])
      .stage('s2', [{ id: 'c2', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'director' }])
      .build();
    const found = findingsOf(plan, 'competence.gap');
    expect(found.map((f) => f.stageIndex)).toEqual([1]);
    expect(found[0].subjects).toContainEqual({ type: 'actor', id: 'officer' });
  });

  it('reports one finding per actor, listing every competence it lacks', () => {
    const plan = PlanBuilder.aPlan()
      .competence('law', { manager: 3, officer: 1 })
      .competence('care', { manager: 3, officer: 0 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
      .area('a2', { requirements: [{ competenceId: 'care', level: 2 }] })
      .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' }), move('c2', 'a2', 'officer', { delegatorId: 'board' })])
      .build();
    const found = findingsOf(plan, 'competence.gap');
    expect(found).toHaveLength(1);
    expect(found[0].message.sv).toBe(
      'Handläggare beslutar om a1 Ärende a1 och a2 Ärende a2 från etappens start men har Kompetens care på nivå 0 där 2 krävs och Kompetens law på nivå 1 där 3 krävs.',
    );
    expect(found[0].subjects.filter((x) => x.type === 'competence').map((x) => x.id)).toEqual(['care', 'law']);
  });
});
