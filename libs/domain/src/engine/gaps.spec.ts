import { move, PlanBuilder } from '../testing/plan-builder';
import { analysePlan } from './analyse';

describe('competence gaps', () => {
  const builder = () =>
    PlanBuilder.aPlan()
      .competence('law', { officer: 1, manager: 3 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
      .area('a2', { requirements: [{ competenceId: 'law', level: 2 }] }, { deciderId: 'board', delegatorId: null, level: 7 })
      .stage('s1', [move('c1', 'a1', 'officer')])
      .stage('s2', [move('c2', 'a2', 'officer', { delegatorId: 'board' })])
      .stage('s3', []);

  it('lists who, which competence, required vs held, and the decisions that cause it', () => {
    const { gaps } = analysePlan(builder().build());
    expect(gaps[0]).toEqual([]);
    expect(gaps[1]).toEqual([
      expect.objectContaining({ actorId: 'officer', competenceId: 'law', required: 3, held: 1, decisionAreaIds: ['a1'], status: 'open' }),
    ]);
    expect(gaps[2][0].decisionAreaIds).toEqual(['a1', 'a2']);
  });

  it('counts a gap as closed from the stage a development action is done before', () => {
    const plan = builder()
      .push('developmentActions', { id: 'd1', actorId: 'officer', competenceId: 'law', targetLevel: 3, kind: 'training', beforeStageId: 's2' })
      .build();
    const { gaps, metrics } = analysePlan(plan);
    expect(gaps[1][0]).toMatchObject({ status: 'open', lateActionIds: ['d1'] });
    expect(gaps[2][0]).toMatchObject({ status: 'closed', held: 3, closingActionIds: ['d1'] });
    expect(metrics.map((m) => [m.openGaps, m.closedGaps])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it('leaves out elected governing bodies', () => {
    const { gaps } = analysePlan(builder().build());
    expect(gaps[0].some((g) => g.actorId === 'board')).toBe(false);
  });
});
