import { move, PlanBuilder } from '../testing/plan-builder';
import { SeverityOverrides } from '../rules/finding';
import { analysePlan } from './analyse';

const plan = () =>
  PlanBuilder.aPlan()
    .area('a1', { kind: 'formal', nonDelegable: true }, { reporting: { toId: 'board', frequency: 'monthly', hoursPerYear: 4 } })
    .stage('s1', [move('c1', 'a1', 'officer')], { gateCriteria: [] })
    .build();

describe('severities chosen by the organisation', () => {
  it('apply to rules where the law leaves room', () => {
    const found = analysePlan(plan(), { severities: { 'steps.no_gate_criteria': 'info' } }).findings.filter(
      (f) => f.rule === 'steps.no_gate_criteria',
    );
    expect(found.map((f) => f.severity)).toEqual(['info']);
    expect(analysePlan(plan()).findings.find((f) => f.rule === 'steps.no_gate_criteria')?.severity).toBe('warning');
  });

  it('never soften what the law decides', () => {
    const overrides = { 'legality.non_delegable': 'info' } as unknown as SeverityOverrides;
    const found = analysePlan(plan(), { severities: overrides }).findings.filter((f) => f.rule === 'legality.non_delegable');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'blocker')).toBe(true);
  });

  it('keep the findings ordered by stage and severity', () => {
    const { findings } = analysePlan(plan(), { severities: { 'steps.no_gate_criteria': 'blocker' } });
    const order = { blocker: 0, warning: 1, info: 2 };
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1], findings[i]];
      expect(
        (a.stageIndex ?? -1) < (b.stageIndex ?? -1) || ((a.stageIndex ?? -1) === (b.stageIndex ?? -1) && order[a.severity] <= order[b.severity]),
      ).toBe(true);
    }
  });
});
