import { syntheticPlan } from './libs/domain/src/testing/synthetic-plan';
import { analysePlan } from './libs/domain/src/engine/analyse';
const plan = syntheticPlan({ actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 });
analysePlan(plan);
const a = analysePlan(plan);
const byRule = new Map<string, number>();
for (const f of a.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
console.log([...byRule].sort((x, y) => y[1] - x[1]));
console.log('not applicable', a.outcomes.flat().filter(o => !o.applied).length);
