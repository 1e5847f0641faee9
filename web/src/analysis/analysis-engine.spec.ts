import { analysePlan, swedishDate } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisEngine, createAnalysisEngine } from './analysis-engine';
import { analysisSummary, findingsPage } from './analysis-views';
import { PART_SIZE } from './plan-parts';

// Stages longer than a part, so that the plan comes back in parts.
// The engine judges the plan's dates against the date in Sweden, as the API does.
const today = swedishDate(new Date());
const plan = syntheticPlan({ actors: 50, decisionAreas: 100, stages: 2, changes: 2 * PART_SIZE + 100, competences: 5, seed: 3, chaos: 0.01 });

describe(createAnalysisEngine.name, () => {
  let engine: AnalysisEngine;
  afterEach(() => engine.dispose());

  it('gives back the plan it analysed, joined from its parts, with the summary', async () => {
    engine = createAnalysisEngine();
    expect(plan.stages[0].changes.length).toBeGreaterThan(PART_SIZE);
    const result = await engine.analyse(plan);
    if (!result.ok) throw new Error(result.message);
    expect(result.plan).toEqual(plan);
    expect(result.summary).toEqual(analysisSummary(analysePlan(plan, { today })));
  });

  it('answers questions about the plan it holds, and none about one it no longer holds', async () => {
    engine = createAnalysisEngine();
    const first = await engine.analyse(plan);
    const second = await engine.analyse(plan);
    if (!first.ok || !second.ok) throw new Error('invalid plan');
    const query = { kind: 'findings', stageIndex: 2, offset: 10, limit: 5 } as const;
    expect(await engine.ask(second.token, query)).toEqual(findingsPage(plan, analysePlan(plan, { today }), 2, 10, 5));
    expect(await engine.ask(first.token, query)).toBeNull();
  });
});
