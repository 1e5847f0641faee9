import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePlan } from '../engine/analyse';
import { EXAMPLE_PLAN } from '../examples';
import { planSchema } from '../model/plan.schema';
import { syntheticPlan } from '../testing/synthetic-plan';
import { CONFIGURABLE_RULES, RULES } from './finding';

const doc = fs.readFileSync(path.join(__dirname, '../../../../docs/checks.md'), 'utf8');
/** The severity table's rows: rule id → [severity, from, why, configurable]. */
const rows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => [cells[1].replace(/`/g, ''), cells.slice(2, 6)] as const),
);

describe('the severity table in docs/checks.md', () => {
  it('has one row for every rule id, and no others', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('says which rules are configurable exactly as the engine does', () => {
    const configurable = [...rows].filter(([, cells]) => cells[3] === 'yes').map(([id]) => id);
    expect(configurable.sort()).toEqual([...CONFIGURABLE_RULES].sort());
  });

  it('names a severity, a source and a reason for each', () => {
    for (const [, [severity, from, why]] of rows) {
      expect(['blocker', 'warning', 'info']).toContain(severity);
      expect(from.length).toBeGreaterThan(2);
      expect(why.length).toBeGreaterThan(10);
    }
  });

  it('gives the severity the engine gives, on every finding of the example and of messy synthetic plans', () => {
    const plans = [
      planSchema.parse(EXAMPLE_PLAN),
      ...[1, 2, 3].map((seed) => syntheticPlan({ actors: 40, decisionAreas: 120, stages: 4, changes: 300, competences: 5, seed, chaos: 0.3 })),
    ];
    const seen = new Set<string>();
    for (const plan of plans) {
      for (const f of analysePlan(plan).findings) {
        seen.add(f.rule);
        expect([f.rule, f.severity]).toEqual([f.rule, rows.get(f.rule)?.[0]]);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
