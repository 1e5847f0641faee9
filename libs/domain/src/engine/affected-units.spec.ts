import { move, PlanBuilder } from '../testing/plan-builder';
import { stagesAffectingUnit } from './affected-units';

describe(stagesAffectingUnit.name, () => {
  const plan = () =>
    PlanBuilder.aPlan()
      .area('a1')
      .area('a2', {}, { deciderId: 'director' })
      .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })])
      .stage('s2', [{ id: 'c2', type: 'set_level', decisionAreaId: 'a2', level: 5 }])
      .build();

  it('names the stages where the unit or anyone under it gains or loses a decision', () => {
    expect(stagesAffectingUnit(plan(), 'officer')).toEqual(['s1']);
    expect(stagesAffectingUnit(plan(), 'manager')).toEqual(['s1']);
  });

  it('names a stage that changes a right the unit holds, though it stays the decider', () => {
    expect(stagesAffectingUnit(plan(), 'director')).toEqual(expect.arrayContaining(['s2']));
  });

  it('names no stage for a unit nothing happens to', () => {
    expect(stagesAffectingUnit(plan(), 'nobody')).toEqual([]);
  });
});
