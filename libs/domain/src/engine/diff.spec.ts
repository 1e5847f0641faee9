import { move, PlanBuilder } from '../testing/plan-builder';
import { diffStates } from './diff';
import { stateAt } from './state';

describe(diffStates.name, () => {
  const plan = PlanBuilder.aPlan()
    .area('a1', {}, { level: 3, delegatorId: 'director', reporting: { toId: 'director', frequency: 'monthly', hoursPerYear: 20 } })
    .area('a2', {}, { reporting: { toId: 'director', frequency: 'quarterly', hoursPerYear: 8 } })
    .area('a3')
    .stage('s1', [
      move('c1', 'a1', 'officer', { delegatorId: 'manager', level: 6 }),
      { id: 'c2', type: 'set_consultation', decisionAreaId: 'a2', consulted: ['team'] },
      { id: 'c3', type: 'set_reporting', decisionAreaId: 'a2', reporting: null },
      { id: 'c4', type: 'retire_decision_area', decisionAreaId: 'a3' },
      { id: 'c5', type: 'add_actor', actor: { id: 'new', name: 'Ny', kind: 'role', reportsTo: 'manager' } },
    ])
    .build();
  const diff = diffStates(stateAt(plan, 0), stateAt(plan, 1));

  it('types each right change and keeps before and after', () => {
    expect(diff.rights.map((d) => [d.decisionAreaId, d.kinds])).toEqual([
      ['a1', ['moved', 'delegator', 'level']],
      ['a2', ['consultation', 'reporting']],
      ['a3', ['removed']],
    ]);
    expect(diff.rights[0].before?.deciderId).toBe('manager');
    expect(diff.rights[0].after?.deciderId).toBe('officer');
  });

  it('records actors and areas added and retired', () => {
    expect(diff.actors.map((d) => [d.actorId, d.kinds])).toEqual([['new', ['added']]]);
    expect(diff.areas.map((d) => [d.decisionAreaId, d.kinds])).toEqual([['a3', ['retired']]]);
  });

  it('says who gains and who loses effective decision power', () => {
    // a1 was decided at level 3, so effectively by its delegator (director); now by the officer.
    expect(diff.gained).toContainEqual({ actorId: 'officer', decisionAreaId: 'a1' });
    expect(diff.lost).toContainEqual({ actorId: 'director', decisionAreaId: 'a1' });
    expect(diff.lost).toContainEqual({ actorId: 'manager', decisionAreaId: 'a3' });
  });

  it('is empty between a state and itself', () => {
    const state = stateAt(plan, 1);
    expect(diffStates(state, state)).toMatchObject({ rights: [], actors: [], areas: [], gained: [], lost: [] });
  });

  it('compares any two states, not only neighbours', () => {
    const back = diffStates(stateAt(plan, 1), stateAt(plan, 0));
    expect(back.rights.find((d) => d.decisionAreaId === 'a3')?.kinds).toEqual(['added']);
    expect(back.actors.find((d) => d.actorId === 'new')).toBeUndefined();
  });
});
