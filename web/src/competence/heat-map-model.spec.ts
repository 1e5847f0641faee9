import { analysePlan, competenceHeatMap, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { cellAt, gapCounts, isNewRequirement, shownColumns, shownRows, unitOptions } from './heat-map-model';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan = result.plan;
const map = competenceHeatMap(plan, analysePlan(plan), 3, 2);
const all = shownColumns(map, '');
const counts = gapCounts(map, all);
const names = (rows: number[]) => rows.map((i) => map.actors[i].name);
const none = { unitId: '', category: '', onlyGaps: false, collapsed: new Set<string>() };

describe(shownRows.name, () => {
  it('shows every actor in force, in hierarchy order', () => {
    expect(shownRows(map, none, counts).length).toBe(map.actors.length);
    expect(map.actors[0].depth).toBe(0);
  });

  it('keeps, with only gaps, the actors lacking something and the chain above them', () => {
    const rows = shownRows(map, { ...none, onlyGaps: true }, counts);
    expect(names(rows)).toEqual(['Kommunfullmäktige', 'Socialnämnden', 'Socialchef', 'Avdelningschef äldreomsorg', 'Enhetschef hemtjänst']);
  });

  it('folds a collapsed actor’s subtree and narrows to a unit', () => {
    const fc = map.actors.find((a) => a.name === 'Socialchef');
    if (!fc) throw new Error('no Socialchef');
    const folded = shownRows(map, { ...none, collapsed: new Set([fc.id]) }, counts);
    expect(folded.length).toBe(map.actors.length - fc.descendants);
    const unit = map.actors.find((a) => a.name === 'Avdelningschef äldreomsorg');
    if (!unit) throw new Error('no unit');
    const narrowed = shownRows(map, { ...none, unitId: unit.id }, counts);
    expect(narrowed.length).toBe(unit.descendants + 1);
    expect(map.actors[narrowed[0]].id).toBe(unit.id);
    expect(unitOptions(map).some(([id]) => id === unit.id)).toBe(true);
  });
});

describe(cellAt.name, () => {
  it('tells held from required and marks what the stage newly requires', () => {
    const row = map.actors.findIndex((a) => a.name === 'Enhetschef hemtjänst');
    const col = map.competences.findIndex((c) => c.name === 'Tillitsbaserat ledarskap');
    const cell = cellAt(map, row, col);
    expect(cell).toEqual({ held: 2, required: 3, before: { held: 0, required: 0 } });
    expect(isNewRequirement(cell)).toBe(true);
    expect(shownColumns(map, 'leadership').map((i) => map.competences[i].name)).toEqual(['Tillitsbaserat ledarskap']);
  });
});
