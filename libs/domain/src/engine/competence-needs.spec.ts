import { move, PlanBuilder } from '../testing/plan-builder';
import { analysePlan } from './analyse';
import { syntheticPlan } from '../testing/synthetic-plan';
import { gapAreas } from './analyse';
import { SingleHolderTracker, singleHolders } from './competence-needs';
import { competenceLedger } from './gaps';

describe(singleHolders.name, () => {
  const builder = () =>
    PlanBuilder.aPlan()
      .competence('law', { director: 3, officer: 1, board: 4 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] }, { deciderId: 'director' })
      .area('a2', { requirements: [{ competenceId: 'law', level: 1 }] }, { deciderId: 'director' })
      .stage('s1', [])
      .stage('s2', [move('c1', 'a1', 'officer', { delegatorId: 'director' })]);

  it('names the one actor that holds a required level, and the areas that require exactly that level', () => {
    const plan = builder().build();
    const { states } = analysePlan(plan);
    expect(singleHolders(states[1], competenceLedger(plan), ['law'])).toEqual([
      { competenceId: 'law', level: 3, actorId: 'director', decisionAreaIds: ['a1'] },
    ]);
  });

  it('is no risk once a development action gives a second actor the level', () => {
    const plan = builder()
      .push('developmentActions', { id: 'd1', actorId: 'manager', competenceId: 'law', targetLevel: 3, kind: 'training', beforeStageId: 's2' })
      .build();
    const { states } = analysePlan(plan);
    const ledger = competenceLedger(plan);
    expect(singleHolders(states[1], ledger, ['law']).map((s) => s.actorId)).toEqual(['director']);
    expect(singleHolders(states[2], ledger, ['law'])).toEqual([]);
  });

  it('does not count governing bodies as holders, nor flag a level two actors hold', () => {
    const plan = builder().build();
    const { states } = analysePlan(plan);
    // Level 1 (a2): director and officer hold it; the board's level 4 does not count.
    expect(singleHolders(states[1], competenceLedger(plan), ['law']).map((s) => s.level)).toEqual([3]);
  });

  it('is raised as one info finding over the stages it holds, with the holder and the areas named', () => {
    const found = analysePlan(builder().build()).findings.filter((f) => f.rule === 'competence.single_holder');
    expect(found.map((f) => [f.stageIndex, f.until, f.severity, f.key])).toEqual([
      [1, null, 'info', 'competence.single_holder|competence:law|level:3'],
    ]);
    const perState = analysePlan(builder().build(), { lasting: false }).findings.filter((f) => f.rule === 'competence.single_holder');
    expect(perState.map((f) => [f.stageIndex, f.until, f.key])).toEqual([
      [1, 1, 'competence.single_holder|competence:law|level:3'],
      [2, 2, 'competence.single_holder|competence:law|level:3'],
    ]);
    expect(found[0].subjects).toEqual([
      { type: 'competence', id: 'law' },
      { type: 'actor', id: 'director' },
      { type: 'decisionArea', id: 'a1' },
    ]);
    expect(perState[1].since).toBe(1);
  });
});

describe(SingleHolderTracker.name, () => {
  it('finds, state after state, what singleHolders finds in each state on its own', () => {
    let seen = 0;
    for (const [seed, actors, decisionAreas, competences] of [
      [1, 20, 60, 8],
      [2, 20, 60, 8],
      [2, 15, 40, 12],
      [3, 60, 150, 20],
    ]) {
      const plan = syntheticPlan({ actors, decisionAreas, stages: 5, changes: 300, competences, seed, chaos: 0.3 });
      const { states, diffs } = analysePlan(plan);
      const ledger = competenceLedger(plan);
      const ids = plan.competences.map((c) => c.id);
      const tracker = new SingleHolderTracker(ledger, ids);
      states.forEach((state, k) => {
        const diff = k > 0 ? diffs[k - 1] : null;
        const tracked = tracker.advance(state, diff ? gapAreas(diff) : null, diff ? diff.actors.map((d) => d.actorId) : null);
        expect(tracked).toEqual(singleHolders(state, ledger, ids));
        seen += tracked.length;
      });
    }
    expect(seen).toBeGreaterThan(10);
  });
});
