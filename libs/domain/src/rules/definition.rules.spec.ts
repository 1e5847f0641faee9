import { PlanBuilder } from '../testing/plan-builder';
import { findingsOf } from '../testing/findings';
import { analysePlan } from '../engine/analyse';
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

  const agreed = (agreedBy: string, agreedOn: string) =>
    PlanBuilder.aPlan()
      .with({ definition: { text: 'Vi litar på varandra.', principles: [], agreedBy, agreedOn } })
      .stage('s1', [], { startDate: '2027-01-01' });

  it('flags a definition agreed on or after the first stage starts as a blocker', () => {
    expect(findingsOf(agreed('Nämnden', '2027-01-01').build(), 'definition.agreed_late')).toMatchObject([{ severity: 'blocker' }]);
    expect(findingsOf(agreed('Nämnden', '2026-12-31').build(), 'definition.agreed_late')).toEqual([]);
  });

  it('shows a definition to be agreed after today as planned', () => {
    const plan = agreed('Nämnden', '2026-12-15').build();
    expect(analysePlan(plan, { today: '2026-12-01' }).findings.filter((f) => f.rule === 'definition.planned')).toMatchObject([{ severity: 'info' }]);
    expect(analysePlan(plan, { today: '2026-12-15' }).findings.filter((f) => f.rule === 'definition.planned')).toEqual([]);
  });

  it('notes, as info, a definition agreed only by management, not by the governing body', () => {
    const [found] = findingsOf(agreed('Förvaltningens ledningsgrupp', '2026-10-01').build(), 'definition.not_by_governing_body');
    expect(found).toMatchObject({ severity: 'info' });
    expect(found.fix.sv).toContain('Låt Nämnden besluta');
    expect(findingsOf(agreed('Nämnden, efter dialog i samverkansgruppen', '2026-10-01').build(), 'definition.not_by_governing_body')).toEqual([]);
  });
});
