import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../format/validate';
import { RULE_GROUPS } from '../rules/finding';
import { analysePlan } from './analyse';

const text = fs.readFileSync(path.join(__dirname, '../examples/socialtjansten.plan.json'), 'utf8');

describe('the example plan (social services, four stages)', () => {
  const parsed = parsePlan(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const plan = parsed.plan;
  const analysis = analysePlan(plan);

  it('is of the size the demo needs', () => {
    expect(plan.actors.length).toBeGreaterThanOrEqual(25);
    expect(plan.decisionAreas.length).toBeGreaterThanOrEqual(70);
    expect(plan.stages.length).toBeGreaterThanOrEqual(3);
  });

  it('raises a handful of meaningful findings: not zero, not hundreds', () => {
    expect(analysis.findings.length).toBeGreaterThanOrEqual(4);
    expect(analysis.findings.length).toBeLessThanOrEqual(15);
    expect(analysis.findings.map((f) => f.rule).sort()).toEqual([
      'clarity.low',
      'competence.gap',
      'competence.single_holder',
      'consequences.unmitigated_risk',
      'control_balance.reporting_not_reduced',
      'legality.no_report_back',
      'legality.onward_delegation_not_head',
      'participation.no_union_negotiation',
      'steps.no_gate_criteria',
    ]);
  });

  it('applies every change', () => {
    expect(analysis.outcomes.flat().every((o) => o.applied)).toBe(true);
  });

  it('moves decisions towards the front line: the mean decider depth grows stage by stage', () => {
    const depths = analysis.metrics.map((m) => m.meanDeciderDepth as number);
    for (let k = 1; k < depths.length; k++) expect(depths[k]).toBeGreaterThan(depths[k - 1]);
    expect(analysis.metrics.at(-1)?.reportingHoursPerYear).toBeLessThan(analysis.metrics[0].reportingHoursPerYear);
  });

  it('only uses known rule groups', () => {
    for (const f of analysis.findings) expect(RULE_GROUPS).toContain(f.group);
  });
});
