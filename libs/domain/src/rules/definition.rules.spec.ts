import { PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { definitionFindings } from './definition.rules';

describe(definitionFindings.name, () => {
  it('flags a plan with no definition as a blocker', () => {
    const [f] = findingsOf(PlanBuilder.aPlan().withoutDefinition().build(), 'definition.missing');
    expect(f).toMatchObject({ severity: 'blocker', stageIndex: null, group: 'definition' });
    expect(f.message.sv).toContain('definition');
    expect(f.message.en).toContain('definition');
  });

  it('flags a definition nobody has agreed to', () => {
    const plan = PlanBuilder.aPlan()
      .with({ definition: { text: 'Vi litar på varandra.', principles: [] } })
      .build();
    expect(findingsOf(plan, 'definition.not_agreed')).toHaveLength(1);
    expect(findingsOf(plan, 'definition.missing')).toHaveLength(0);
  });

  it('accepts an agreed definition', () => {
    const plan = PlanBuilder.aPlan().build();
    expect([...findingsOf(plan, 'definition.missing'), ...findingsOf(plan, 'definition.not_agreed')]).toEqual([]);
  });
});
