import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { actorHistory, areaHistory } from './history';

const analysis = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return analysePlan(result.plan);
})();

describe(areaHistory.name, () => {
  it('follows a decision area through every state', () => {
    const rows = areaHistory(analysis, 's-5-1');
    expect(rows.map((r) => r.deciderName)).toEqual([
      'Enhetschef biståndshandläggning äldre',
      'Enhetschef biståndshandläggning äldre',
      'Biståndshandläggare äldre',
      'Biståndshandläggare äldre',
      'Biståndshandläggare äldre',
    ]);
    expect(rows[2].kinds).toContain('moved');
    expect(rows[2].delegatorName).toBe('Socialnämnden');
  });
});

describe(actorHistory.name, () => {
  it('says what an actor decides at each state and what each stage gave it', () => {
    const rows = actorHistory(analysis, 'bhl');
    expect(rows[1].decides.map((d) => d.code)).toEqual(['5.4']);
    expect(rows[2].gained).toEqual(['5.1', '5.3', '5.7']);
    expect(rows[2].decides.map((d) => d.code)).toEqual(['5.1', '5.3', '5.4', '5.7']);
  });

  it('shows a manager giving decisions up', () => {
    expect(actorHistory(analysis, 'ec-bist')[2].lost).toEqual(['5.1', '5.3', '5.7']);
  });
});
