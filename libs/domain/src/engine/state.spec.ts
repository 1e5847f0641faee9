import { move, PlanBuilder } from '../testing/plan-builder';
import { foldPlan, stateAt } from './state';

describe(foldPlan.name, () => {
  const plan = () =>
    PlanBuilder.aPlan()
      .area('a1')
      .area('a2')
      .stage('s1', [move('c1', 'a1', 'officer', { level: 7 })])
      .stage('s2', [
        { id: 'c2', type: 'retire_decision_area', decisionAreaId: 'a2' },
        { id: 'c3', type: 'add_actor', actor: { id: 'unit2', name: 'Ny enhet', kind: 'manager', reportsTo: 'director' } },
        { id: 'c4', type: 'move_actor', actorId: 'officer', reportsTo: 'unit2' },
      ])
      .build();

  it('state 0 is the baseline', () => {
    const state = stateAt(plan(), 0);
    expect(state.rights.get('a1')?.deciderId).toBe('manager');
    expect(state.stageId).toBeNull();
  });

  it('state k applies the changes of stages 1..k in order', () => {
    const s1 = stateAt(plan(), 1);
    expect(s1.rights.get('a1')).toMatchObject({ deciderId: 'officer', delegatorId: 'board', level: 7 });
    const s2 = stateAt(plan(), 2);
    expect(s2.areas.get('a2')?.retired).toBe(true);
    expect(s2.rights.has('a2')).toBe(false);
    expect(s2.actors.get('officer')?.reportsTo).toBe('unit2');
  });

  it('keeps earlier states unchanged when later stages change things', () => {
    const { states } = foldPlan(plan());
    expect(states[1].rights.has('a2')).toBe(true);
    expect(states[0].rights.get('a1')?.deciderId).toBe('manager');
  });

  it('gives up the onward delegation right when a decision moves to someone new, unless the change grants it', () => {
    const p = PlanBuilder.aPlan()
      .area('a1', {}, { mayDelegateFurther: true })
      .stage('s1', [move('c1', 'a1', 'officer')])
      .stage('s2', [move('c2', 'a1', 'manager', { mayDelegateFurther: true })])
      .build();
    expect(stateAt(p, 1).rights.get('a1')?.mayDelegateFurther).toBe(false);
    expect(stateAt(p, 2).rights.get('a1')?.mayDelegateFurther).toBe(true);
  });

  it.each([
    ['area_missing', move('x', 'nope', 'officer')],
    ['actor_missing', move('x', 'a1', 'nobody')],
    ['no_decider', { id: 'x', type: 'set_level' as const, decisionAreaId: 'a0', level: 3 }],
    ['duplicate_id', { id: 'x', type: 'add_actor' as const, actor: { id: 'officer', name: 'Dubblett', kind: 'role' as const } }],
    ['hierarchy_cycle', { id: 'x', type: 'move_actor' as const, actorId: 'director', reportsTo: 'officer' }],
  ])('reports a change that does not fit as not applicable (%s) and leaves the state as it was', (reason, change) => {
    const p = PlanBuilder.aPlan().area('a1').area('a0', {}, null).stage('s1', [change]).build();
    const fold = foldPlan(p);
    expect(fold.outcomes[0][0]).toMatchObject({ applied: false, reason });
    expect(JSON.stringify([...fold.states[1].rights])).toBe(JSON.stringify([...fold.states[0].rights]));
  });

  it('refuses to change a retired actor or area', () => {
    const p = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [
        { id: 'r', type: 'retire_actor', actorId: 'team' },
        { id: 'r2', type: 'retire_decision_area', decisionAreaId: 'a1' },
      ])
      .stage('s2', [move('m', 'a1', 'officer'), { id: 'm2', type: 'move_actor', actorId: 'team', reportsTo: 'director' }])
      .build();
    expect(foldPlan(p).outcomes[1].map((o) => o.reason)).toEqual(['area_retired', 'actor_retired']);
  });

  it('sets a limit as data and words it, and removes it', () => {
    const p = PlanBuilder.aPlan()
      .area('a1', { limit: '1 prisbasbelopp', limitValue: { amount: 1, unit: 'prisbasbelopp' } })
      .stage('s1', [{ id: 'l1', type: 'set_limit', decisionAreaId: 'a1', limit: { amount: 3, unit: 'prisbasbelopp', year: 2027 } }])
      .stage('s2', [{ id: 'l2', type: 'set_limit', decisionAreaId: 'a1', limit: null, limitText: 'Inom budget' }])
      .build();
    expect(stateAt(p, 1).areas.get('a1')).toMatchObject({
      limit: '3 prisbasbelopp (2027)',
      limitValue: { amount: 3, unit: 'prisbasbelopp', year: 2027 },
    });
    expect(stateAt(p, 2).areas.get('a1')).toMatchObject({ limit: 'Inom budget', limitValue: undefined });
    expect(stateAt(p, 0).areas.get('a1')?.limit).toBe('1 prisbasbelopp');
  });

  it('keeps the substitute when a decision moves unless the change names one, and sets or clears it', () => {
    const p = PlanBuilder.aPlan()
      .area('a1', {}, { substituteId: 'director' })
      .stage('s1', [move('c1', 'a1', 'officer')])
      .stage('s2', [{ id: 'c2', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'manager' }])
      .stage('s3', [move('c3', 'a1', 'officer', { substituteId: null })])
      .build();
    expect([1, 2, 3].map((k) => stateAt(p, k).rights.get('a1')?.substituteId)).toEqual(['director', 'manager', null]);
  });

  it('does not set a substitute that is not there', () => {
    const p = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'c1', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'nobody' }])
      .build();
    expect(foldPlan(p).outcomes[0][0]).toMatchObject({ applied: false, reason: 'actor_missing' });
  });

  it('rejects a stage index outside the plan', () => {
    expect(() => stateAt(plan(), 3)).toThrow(RangeError);
    expect(() => stateAt(plan(), -1)).toThrow(RangeError);
  });
});
