import { move, PlanBuilder } from '../testing/plan-builder';
import { Plan } from '../model/types';
import { holdingSchema } from '../model/plan.schema';
import { analysePlan } from './analyse';
import { competenceHeatMap } from './competence-view';

/** The officer holds law at 3 (what a1 requires) until `expiresOn`; a1 moves to the officer in stage 1. */
function plan(expiresOn: string | undefined, extra: (b: PlanBuilder) => PlanBuilder = (b) => b): Plan {
  const built = extra(
    PlanBuilder.aPlan()
      .competence('law', { officer: 3, manager: 3 })
      .area('a1', { requirements: [{ competenceId: 'law', level: 3 }] })
      .stage('s1', [move('c1', 'a1', 'officer', { delegatorId: 'board' })], { startDate: '2027-01-01', endDate: '2027-06-30' })
      .stage('s2', [], { startDate: '2027-07-01', endDate: '2027-12-31' })
      .stage('s3', [], { startDate: '2028-01-01' }),
  ).build();
  return {
    ...built,
    holdings: built.holdings.map((h) =>
      h.actorId === 'officer' && expiresOn ? { ...h, assessmentMethod: 'test' as const, assessedOn: '2025-05-01', expiresOn } : h,
    ),
  };
}

describe('an assessment that expires', () => {
  it('counts as held until the first stage that starts after it expired, then as a gap (a blocker naming the date)', () => {
    const analysis = analysePlan(plan('2027-09-30'));
    expect(analysis.gaps.map((g) => g.map((x) => [x.actorId, x.status, x.held]))).toEqual([[], [], [], [['officer', 'open', 0]]]);
    expect(analysis.gaps[3][0]).toMatchObject({ heldAtBaseline: 3, expiredOn: '2027-09-30', decisionAreaIds: ['a1'] });
    const gap = analysis.findings.find((f) => f.rule === 'competence.gap');
    expect(gap).toMatchObject({ stageIndex: 3, severity: 'blocker' });
    expect(gap?.message.sv).toContain('gällde till 2027-09-30');
    expect(gap?.message.en).toContain('was valid until 2027-09-30');
  });

  it('is warned about in the stage during which it expires, with the date', () => {
    const found = analysePlan(plan('2027-09-30')).findings.filter((f) => f.rule === 'competence.expires');
    expect(found.map((f) => [f.stageIndex, f.severity])).toEqual([[2, 'warning']]);
    expect(found[0].subjects).toEqual([
      { type: 'actor', id: 'officer' },
      { type: 'competence', id: 'law' },
      { type: 'decisionArea', id: 'a1' },
    ]);
    expect(found[0].message.sv).toBe(
      'Bedömningen av Kompetens law för Handläggare (nivå 3) gäller till 2027-09-30, mitt i etappen; därefter saknas kompetensen för a1 Ärende a1.',
    );
  });

  it('is not warned about before the stage it expires in; the last stage lasts until further notice', () => {
    // Stage 1's window: the officer needs law from stage 1, so an expiry before stage 1 is already a gap there.
    expect(analysePlan(plan('2026-12-01')).findings.filter((f) => f.rule === 'competence.expires')).toEqual([]);
    expect(analysePlan(plan('2026-12-01')).gaps[1][0]).toMatchObject({ status: 'open', expiredOn: '2026-12-01' });
    const late = analysePlan(plan('2030-01-01')).findings.filter((f) => f.rule.startsWith('competence.'));
    expect(late.map((f) => [f.rule, f.stageIndex])).toEqual([['competence.expires', 3]]);
    expect(analysePlan(plan(undefined)).gaps.flat()).toEqual([]);
  });

  it('is closed again by a renewal planned before the stage', () => {
    const renewed = plan('2027-09-30', (b) =>
      b.push('developmentActions', { id: 'renew', actorId: 'officer', competenceId: 'law', targetLevel: 3, kind: 'training', beforeStageId: 's3' }),
    );
    const { gaps } = analysePlan(renewed);
    expect(gaps[3][0]).toMatchObject({ status: 'closed', held: 3, closingActionIds: ['renew'], expiredOn: '2027-09-30' });
  });

  it('counts as not held at the baseline when it expired by today', () => {
    const { gaps } = analysePlan(plan('2026-06-01'), { today: '2026-12-02' });
    expect(gaps[1][0]).toMatchObject({ status: 'open', held: 0 });
  });

  it('shows in the heat map as not held from the stage it has expired at', () => {
    const p = plan('2027-09-30');
    const analysis = analysePlan(p);
    const cell = (k: number) => {
      const map = competenceHeatMap(p, analysis, k, null);
      const row = map.actors.findIndex((a) => a.id === 'officer');
      return [map.held[row * map.competences.length], map.required[row * map.competences.length]];
    };
    expect([cell(2), cell(3)]).toEqual([
      [3, 3],
      [0, 3],
    ]);
  });

  it('refuses an expiry before the assessment, with the date_before code', () => {
    const result = holdingSchema.safeParse({ actorId: 'a', competenceId: 'c', level: 2, assessedOn: '2026-05-01', expiresOn: '2026-04-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['expiresOn'], params: { code: 'date_before', other: 'assessedOn' } });
  });
});
