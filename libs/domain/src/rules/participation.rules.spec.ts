import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
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
});
