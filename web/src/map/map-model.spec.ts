import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { delegationMap } from './map-model';

const plan = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return result.plan;
})();
const analysis = analysePlan(plan);

describe(delegationMap.name, () => {
  const map = delegationMap(analysis, 1, 2);
  const actor = (id: string) => map.actors.find((a) => a.id === id);

  it('marks a decision the stage gives an actor, and the one that loses it', () => {
    expect(actor('bhl')?.areas.find((a) => a.areaId === 's-5-1')?.mark).toBe('gained');
    expect(actor('ec-bist')?.areas.find((a) => a.areaId === 's-5-1')?.mark).toBe('lost');
  });

  it('draws the moved decisions as arrows from the old to the new decider', () => {
    const moved = map.edges.find((e) => e.kind === 'moved' && e.source === 'ec-bist' && e.target === 'bhl');
    expect(moved?.areaIds).toEqual(expect.arrayContaining(['s-5-1', 's-5-3', 's-5-7']));
  });

  it('draws delegations from delegator to decider with their levels', () => {
    const delegation = map.edges.find((e) => e.kind === 'delegation' && e.source === 'sn' && e.target === 'bhl');
    expect(delegation?.levels).toEqual([6]);
  });

  it('draws the ersättare from the decider to the one who stands in, in the state that names them', () => {
    const substitute = (m: ReturnType<typeof delegationMap>, source: string, target: string) =>
      m.edges.find((e) => e.kind === 'substitute' && e.source === source && e.target === target);
    expect(substitute(delegationMap(analysis, 0, 0), 'ec-bou', 'avd-ifo')?.areaIds).toEqual(['b-6-3']);
    // Stage 4 moves försörjningsstöd to the socialsekreterare with their enhetschef as ersättare.
    expect(substitute(delegationMap(analysis, 3, 3), 'ssek-ekb', 'ec-ekb')).toBeUndefined();
    expect(substitute(delegationMap(analysis, 3, 4), 'ssek-ekb', 'ec-ekb')?.areaIds).toContain('s-4-1');
    // Filtered by the ersättare, the decision they stand in for is on the map.
    const filtered = delegationMap(analysis, 0, 0, { actor: 'avd-ifo' });
    expect(filtered.edges.some((e) => e.kind === 'substitute' && e.target === 'avd-ifo')).toBe(true);
  });

  it('keeps unchanged decisions unmarked and shows no moves for one state', () => {
    const same = delegationMap(analysis, 2, 2);
    expect(same.edges.some((e) => e.kind === 'moved')).toBe(false);
    expect(same.actors.flatMap((a) => a.areas).every((a) => a.mark === 'kept')).toBe(true);
  });

  it('filters by actor: its decisions, the actors they involve and the chain above them', () => {
    const filtered = delegationMap(analysis, 1, 2, { actor: 'bhl' });
    const ids = new Set(filtered.actors.map((a) => a.id));
    expect(ids.has('bhl') && ids.has('ec-bist') && ids.has('avd-ao') && ids.has('kf')).toBe(true);
    expect(ids.has('ec-bou')).toBe(false);
    const involved = filtered.actors.flatMap((a) => a.areas.map((x) => x.areaId));
    expect(involved).toEqual(expect.arrayContaining(['s-5-1']));
    for (const areaId of new Set(involved)) {
      const before = analysis.states[1].rights.get(areaId);
      const after = analysis.states[2].rights.get(areaId);
      expect([before?.deciderId, before?.delegatorId, after?.deciderId, after?.delegatorId]).toContain('bhl');
    }
  });

  it('filters by section and by text', () => {
    const filtered = delegationMap(analysis, 1, 2, { section: 'LSS', query: 'daglig' });
    const areas = filtered.actors.flatMap((a) => a.areas.map((x) => x.code));
    expect(new Set(areas)).toEqual(new Set(['8.7', '8.9']));
  });
});
