import { move, PlanBuilder } from '../testing/plan-builder';
import { analysePlan } from './analyse';
import { competenceHeatMap, gapList, hierarchyRows } from './competence-view';

const builder = () =>
  PlanBuilder.aPlan()
    .competence('law', { officer: 1, manager: 3 })
    .competence('lead', { manager: 2 })
    .with({})
    .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
    .area(
      'a2',
      {
        requirements: [
          { competenceId: 'law', level: 2 },
          { competenceId: 'lead', level: 2 },
        ],
      },
      { deciderId: 'manager' },
    )
    .stage('s1', [move('c1', 'a1', 'officer')], { startDate: '2027-01-01' })
    .stage('s2', [move('c2', 'a2', 'officer', { delegatorId: 'manager' })], { startDate: '2027-06-01' })
    .stage('s3', [], { startDate: '2028-01-01' });

const action = (id: string, competenceId: string, targetLevel: number, beforeStageId: string) => ({
  id,
  actorId: 'officer',
  competenceId,
  targetLevel,
  kind: 'training' as const,
  beforeStageId,
  description: `Kurs ${id}`,
});

describe(hierarchyRows.name, () => {
  it('lists the actors depth first with their depth and the size of their subtree', () => {
    const { states } = analysePlan(builder().build());
    expect(hierarchyRows(states[0]).map((r) => [r.id, r.depth, r.parentId, r.descendants])).toEqual([
      ['board', 0, null, 4],
      ['director', 1, 'board', 3],
      ['manager', 2, 'director', 2],
      ['team', 3, 'manager', 0],
      ['officer', 3, 'manager', 0],
    ]);
  });
});

describe(competenceHeatMap.name, () => {
  it('gives, per actor and competence, the level held and the level its decisions require', () => {
    const plan = builder().build();
    const map = competenceHeatMap(plan, analysePlan(plan), 2, 1);
    const cell = (actorId: string, competenceId: string) => {
      const row = map.actors.findIndex((a) => a.id === actorId);
      const col = map.competences.findIndex((c) => c.id === competenceId);
      const i = row * map.competences.length + col;
      return [map.held[i], map.required[i], map.compareHeld?.[i], map.compareRequired?.[i]];
    };
    // Categories order the columns (fackkunskap first), then names.
    expect(map.competences.map((c) => c.id)).toEqual(['law', 'lead']);
    expect(cell('officer', 'law')).toEqual([1, 3, 1, 3]);
    // Stage 2 newly requires leadership of the officer (a2 moves to it at level 6, so the manager no longer decides).
    expect(cell('officer', 'lead')).toEqual([0, 2, 0, 0]);
    expect(cell('manager', 'lead')).toEqual([2, 0, 2, 2]);
  });

  it('counts development actions done before the stage in what is held', () => {
    const plan = builder()
      .push('developmentActions', action('d1', 'law', 3, 's2'))
      .build();
    const analysis = analysePlan(plan);
    const held = (k: number) => {
      const map = competenceHeatMap(plan, analysis, k, null);
      return map.held[map.actors.findIndex((a) => a.id === 'officer') * map.competences.length];
    };
    expect([held(1), held(2)]).toEqual([1, 3]);
  });
});

describe(gapList.name, () => {
  it('names each gap with the areas causing it and the stage where it opened', () => {
    const plan = builder().build();
    const rows = gapList(plan, analysePlan(plan), 3);
    expect(rows.map((r) => [r.actorName, r.competenceName, r.held, r.required, r.opensAt, r.status, r.decisionAreas.map((a) => a.label)])).toEqual([
      ['Handläggare', 'Kompetens law', 1, 3, 1, 'open', ['a1 Ärende a1', 'a2 Ärende a2']],
      ['Handläggare', 'Kompetens lead', 0, 2, 2, 'open', ['a2 Ärende a2']],
    ]);
  });

  it('tells closed in time, closed too late and closed too low apart, with the action and its date', () => {
    const plan = builder()
      .push('developmentActions', action('in-time', 'law', 3, 's1'), action('late', 'lead', 2, 's3'))
      .build();
    const rows = gapList(plan, analysePlan(plan), 2);
    expect(rows.map((r) => [r.competenceId, r.status, r.actions.map((a) => [a.id, a.role, a.beforeStageIndex, a.doneBy])])).toEqual([
      ['law', 'closed_in_time', [['in-time', 'closes', 1, '2027-01-01']]],
      ['lead', 'closed_too_late', [['late', 'late', 3, '2028-01-01']]],
    ]);
    const low = builder()
      .push('developmentActions', action('low', 'law', 2, 's1'))
      .build();
    expect(gapList(low, analysePlan(low), 1).map((r) => [r.status, r.actions.map((a) => a.role)])).toEqual([['too_low', ['closes', 'low']]]);
  });
});
