import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { compareCodes, rolloutMatrix } from './rollout-matrix';

const plan = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return result.plan;
})();

describe(rolloutMatrix.name, () => {
  const matrix = rolloutMatrix(plan, analysePlan(plan));

  it('has a column for the baseline and one per stage', () => {
    expect(matrix.columns.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(matrix.columns[2].name).toBe('Biståndsbeslut närmare den enskilde');
  });

  it('shows who decides at each stage and marks the stage that moved the decision', () => {
    const row = matrix.rows.find((r) => r.areaId === 's-5-1');
    expect(row?.cells.map((c) => c.deciderName)).toEqual([
      'Enhetschef biståndshandläggning äldre',
      'Enhetschef biståndshandläggning äldre',
      'Biståndshandläggare äldre',
      'Biståndshandläggare äldre',
      'Biståndshandläggare äldre',
    ]);
    expect(row?.cells[2].kinds).toContain('moved');
    expect(row?.cells[3].kinds).toEqual([]);
    expect(row?.changedAnywhere).toBe(true);
  });

  it('names the ersättare where a right has one, from the stage that names them', () => {
    const row = matrix.rows.find((r) => r.areaId === 's-4-1');
    expect(row?.cells.map((c) => c.substituteName)).toEqual([null, null, null, null, 'Enhetschef ekonomiskt bistånd']);
    expect(matrix.rows.find((r) => r.areaId === 'b-6-3')?.cells[0].substituteName).toBe('Avdelningschef individ- och familjeomsorg');
  });

  it('leaves untouched areas unmarked', () => {
    const row = matrix.rows.find((r) => r.areaId === 'a-1-1');
    expect(row?.changedAnywhere).toBe(false);
    expect(row?.cells.every((c) => c.deciderName === 'Socialnämnden')).toBe(true);
  });
});

describe(compareCodes.name, () => {
  it('orders hierarchical codes naturally', () => {
    expect(['2.10', '2.9', '10.1', '2.1'].sort(compareCodes)).toEqual(['2.1', '2.9', '2.10', '10.1']);
  });
});
