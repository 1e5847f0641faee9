import { move, PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { consequenceFindings } from './consequences.rules';

const citizenMove = () =>
  PlanBuilder.aPlan()
    .area('a1', { citizenFacing: true })
    .stage('s1', [move('c1', 'a1', 'officer')]);

describe(consequenceFindings.name, () => {
  it('flags a stage that moves a citizen-facing decision with no consequence for citizens', () => {
    const [f] = findingsOf(citizenMove().build(), 'consequences.citizens_missing');
    expect(f.subjects).toContainEqual({ type: 'decisionArea', id: 'a1' });
  });

  it('accepts the move once a consequence for citizens is assessed', () => {
    const plan = citizenMove()
      .push('consequences', {
        id: 'k1',
        stageId: 's1',
        affected: 'citizens',
        effect: 'positive',
        description: 'Snabbare beslut',
        likelihood: 3,
        impact: 3,
      })
      .build();
    expect(findingsOf(plan, 'consequences.citizens_missing')).toEqual([]);
  });

  it('does not ask for citizen consequences when the decision is internal', () => {
    const plan = PlanBuilder.aPlan()
      .area('a1', { citizenFacing: false })
      .stage('s1', [move('c1', 'a1', 'officer')])
      .build();
    expect(findingsOf(plan, 'consequences.citizens_missing')).toEqual([]);
  });

  it('flags a high risk without mitigation as a blocker', () => {
    const plan = citizenMove()
      .push('consequences', {
        id: 'k1',
        stageId: 's1',
        affected: 'citizens',
        effect: 'negative',
        description: 'Olika bedömningar',
        likelihood: 3,
        impact: 5,
      })
      .build();
    expect(findingsOf(plan, 'consequences.unmitigated_risk')).toMatchObject([{ severity: 'blocker', subjects: [{ type: 'consequence', id: 'k1' }] }]);
  });

  it('accepts a high risk with a mitigation, and a risk below the threshold without one', () => {
    const plan = citizenMove()
      .push(
        'consequences',
        { id: 'k1', stageId: 's1', affected: 'citizens', effect: 'negative', description: 'Hög', likelihood: 5, impact: 5, mitigation: 'Stickprov' },
        { id: 'k2', stageId: 's1', affected: 'citizens', effect: 'negative', description: 'Låg', likelihood: 2, impact: 5 },
      )
      .build();
    expect(findingsOf(plan, 'consequences.unmitigated_risk')).toEqual([]);
  });
});
