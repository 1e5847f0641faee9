import { analysePlan, CompetenceGap, EXAMPLE_PLAN, Finding, Plan, swedishDate, validatePlan } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { ANALYSIS_PAGE_LIMIT, AnalysisResponse, GapsResponse } from '@tillit/contract';
import { useTestApp } from '../testing/test-app';
import { clock } from '../common/today';
import { AnalysisController } from './analysis.controller';

const parsed = (document: unknown) => (validatePlan(JSON.parse(JSON.stringify(document))) as { ok: true; plan: Plan }).plan;
const plan = parsed(EXAMPLE_PLAN);
// Large enough for many pages (122 findings in five states, blockers and warnings), small enough to be quick.
const LARGER = syntheticPlan({ actors: 60, decisionAreas: 150, stages: 4, changes: 300, competences: 10, seed: 7, chaos: 0.05 });
const expected = analysePlan(parsed(LARGER));
const subjectOf = (type: string) => expected.findings.flatMap((f) => f.subjects).find((s) => s.type === type)?.id as string;
const ids = (findings: Array<{ id: string }>) => findings.map((f) => f.id);
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((n, i) => ({ ...n, [key(i)]: (n[key(i)] ?? 0) + 1 }), {});

describe(AnalysisController.name, () => {
  const { http } = useTestApp('change_lead');
  /** The example plan (its ids are known) and the larger synthetic one (paged through). */
  let planId: string;
  let largerId: string;

  beforeAll(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
    largerId = (await http().post('/api/plans/import').send(LARGER).expect(201)).body.id;
  });

  const analysis = async (query: Record<string, string | number> = {}): Promise<AnalysisResponse> =>
    (await http().get(`/api/plans/${largerId}/analysis`).query(query).expect(200)).body;

  /** Every finding the query matches, page after page. */
  async function walk(query: Record<string, string | number>): Promise<{ findings: Finding[]; pages: number }> {
    const findings: Finding[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: AnalysisResponse = await analysis({ ...query, ...(cursor && { cursor }) });
      findings.push(...res.findings.items);
      cursor = res.findings.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    return { findings, pages };
  }

  describe('the summary', () => {
    it('counts the engine’s findings by severity and by rule', async () => {
      const { summary } = await analysis();
      expect(summary.findings).toBe(expected.findings.length);
      expect(summary.bySeverity).toEqual({ blocker: 0, warning: 0, info: 0, ...countBy(expected.findings, (f) => f.severity) });
      expect(summary.byRule).toEqual(countBy(expected.findings, (f) => f.rule));
      expect(Object.values(summary.byRule).reduce((a, b) => a + (b ?? 0), 0)).toBe(expected.findings.length);
    });

    it('counts them by stage and severity, the plan-wide ones first, adding up to the total', async () => {
      const { summary } = await analysis();
      expect(summary.byStage.map((s) => s.stageIndex)).toEqual([null, 0, 1, 2, 3, 4]);
      expect(summary.byStage.filter((s) => s.total > 0).length).toBeGreaterThan(3);
      for (const row of summary.byStage) {
        const own = expected.findings.filter((f) => f.stageIndex === row.stageIndex);
        expect(row.total).toBe(own.length);
        expect(row.bySeverity).toEqual({ blocker: 0, warning: 0, info: 0, ...countBy(own, (f) => f.severity) });
        expect(row.bySeverity.blocker + row.bySeverity.warning + row.bySeverity.info).toBe(row.total);
      }
      expect(summary.byStage.reduce((n, s) => n + s.total, 0)).toBe(expected.findings.length);
    });

    it('counts the open and closed competence gaps of every state and the changes that no longer apply', async () => {
      const { summary } = await analysis();
      expect(summary.gaps).toEqual(
        expected.gaps.map((gaps, k) => ({
          stageIndex: k,
          open: gaps.filter((g) => g.status === 'open').length,
          closed: gaps.filter((g) => g.status === 'closed').length,
        })),
      );
      expect(summary.notApplicable).toBe(expected.outcomes.flat().filter((o) => !o.applied).length);
    });

    it('comes with the metrics and the stages', async () => {
      const res = await analysis();
      expect(res.metrics).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
      expect(res.stages.map((s) => s.id)).toEqual(LARGER.stages.map((s) => s.id));
    });
  });

  describe('the findings', () => {
    it('come a page at a time, in the engine’s order, each exactly once', async () => {
      const { findings, pages } = await walk({ limit: 7 });
      expect(ids(findings)).toEqual(ids(expected.findings));
      expect(new Set(ids(findings)).size).toBe(findings.length);
      expect(pages).toBe(Math.ceil(expected.findings.length / 7));
    });

    it('answer the default page size, how many match and no cursor after the last page', async () => {
      const first = await analysis({ limit: 3 });
      expect(first.findings.items).toHaveLength(3);
      expect(first.findings.matched).toBe(expected.findings.length);
      expect(typeof first.findings.nextCursor).toBe('string');
      const all = await analysis();
      expect(all.findings.items).toHaveLength(Math.min(expected.findings.length, ANALYSIS_PAGE_LIMIT.default));
      expect(all.findings.nextCursor).toBeNull();
    });

    it.each([
      ['rule (one that occurs)', () => expected.findings[60].rule as string, (f: Finding, v: string) => f.rule === v],
      ['severity (blocker)', () => 'blocker', (f: Finding, v: string) => f.severity === v],
      ['severity (warning)', () => 'warning', (f: Finding, v: string) => f.severity === v],
      ['subject (an actor)', () => subjectOf('actor'), (f: Finding, v: string) => f.subjects.some((s) => s.id === v)],
      ['subject (a decision area)', () => subjectOf('decisionArea'), (f: Finding, v: string) => f.subjects.some((s) => s.id === v)],
    ])('are filtered by %s', async (name, valueOf, keep) => {
      const field = name.split(' ')[0];
      const value = valueOf();
      const want = expected.findings.filter((f) => keep(f, value));
      expect(want.length).toBeGreaterThan(0);
      const { findings } = await walk({ [field]: value, limit: 5 });
      expect(ids(findings)).toEqual(ids(want));
      expect((await analysis({ [field]: value })).findings.matched).toBe(want.length);
    });

    it('are filtered by stage: that state’s and the plan-wide ones, with that state’s summary and metrics', async () => {
      const res = await analysis({ stage: 4, limit: ANALYSIS_PAGE_LIMIT.maximum });
      const want = expected.findings.filter((f) => f.stageIndex === 4 || f.stageIndex === null);
      expect(ids(res.findings.items)).toEqual(ids(want));
      expect(res.summary.findings).toBe(want.length);
      expect(res.summary.byStage.map((s) => s.stageIndex)).toEqual([null, 4]);
      expect(res.metrics.map((m) => m.stageIndex)).toEqual([4]);
      expect(res.summary.gaps.map((g) => g.stageIndex)).toEqual([4]);
    });

    it('combine filters', async () => {
      const subject = subjectOf('actor');
      const want = expected.findings.filter((f) => f.stageIndex === 4 && f.severity === 'blocker' && f.subjects.some((s) => s.id === subject));
      const { findings } = await walk({ stage: 4, severity: 'blocker', subject, limit: 2 });
      expect(ids(findings)).toEqual(ids(want));
      const rule = expected.findings.find((f) => f.stageIndex === 2)?.rule as string;
      expect(ids((await walk({ stage: 2, rule, limit: 3 })).findings)).toEqual(
        ids(expected.findings.filter((f) => f.stageIndex === 2 && f.rule === rule)),
      );
    });

    it('answer an empty page for a subject nothing concerns', async () => {
      const res = await analysis({ subject: 'no-such-actor' });
      expect(res.findings).toEqual({ items: [], matched: 0, nextCursor: null });
      expect(res.summary.findings).toBe(expected.findings.length);
    });
  });

  it.each([
    [{ stage: 5 }, 'stage', 'out_of_range', { minimum: 0, maximum: 4 }],
    [{ stage: 'x' }, 'stage', 'not_integer', undefined],
    [{ rule: 'legality.nothing' }, 'rule', 'invalid_value', { allowed: expect.arrayContaining(['legality.group_delegate']) }],
    [{ severity: 'fatal' }, 'severity', 'invalid_value', { allowed: ['blocker', 'warning', 'info'] }],
    [{ limit: 0 }, 'limit', 'out_of_range', { minimum: 1, maximum: ANALYSIS_PAGE_LIMIT.maximum }],
    [{ limit: ANALYSIS_PAGE_LIMIT.maximum + 1 }, 'limit', 'out_of_range', { minimum: 1, maximum: ANALYSIS_PAGE_LIMIT.maximum }],
    [{ limit: 'many' }, 'limit', 'not_integer', undefined],
    [{ cursor: 'not-a-cursor' }, 'cursor', 'invalid', undefined],
    [{ cursor: Buffer.from(JSON.stringify(['gaps', 0, 'a', 'b'])).toString('base64url') }, 'cursor', 'invalid', undefined],
    [{ subject: 'x'.repeat(201) }, 'subject', 'too_long', { maximum: 200 }],
    [{ page: 2 }, 'page', 'unknown_field', undefined],
  ])('answers 400 for %j naming %s with code %s', async (query, field, code, params) => {
    const res = await http().get(`/api/plans/${planId}/analysis`).query(query).expect(400);
    const errors = res.body.errors as Array<{ field: string; code: string; params?: unknown; reason: string }>;
    expect(errors).toContainEqual({ field, code, ...(params && { params }), reason: expect.any(String) });
  });

  describe('the gaps', () => {
    const byActor = (a: CompetenceGap, b: CompetenceGap) =>
      a.stageIndex - b.stageIndex || (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.competenceId < b.competenceId ? -1 : 1);
    const gapId = (g: CompetenceGap) => `${g.stageIndex}|${g.actorId}|${g.competenceId}`;

    it('come a page at a time by state, actor and competence, each exactly once', async () => {
      const seen: CompetenceGap[] = [];
      let cursor: string | null = null;
      do {
        const res: GapsResponse = (
          await http()
            .get(`/api/plans/${largerId}/analysis/gaps`)
            .query({ limit: 4, ...(cursor && { cursor }) })
            .expect(200)
        ).body;
        seen.push(...res.gaps.items);
        cursor = res.gaps.nextCursor;
      } while (cursor);
      expect(seen.map(gapId)).toEqual(expected.gaps.flat().sort(byActor).map(gapId));
      expect(seen).toEqual(JSON.parse(JSON.stringify(expected.gaps.flat().sort(byActor))));
    });

    it('of one state with ?stage=', async () => {
      const res: GapsResponse = (await http().get(`/api/plans/${largerId}/analysis/gaps`).query({ stage: 2 }).expect(200)).body;
      expect(res.gaps.items.map(gapId)).toEqual([...expected.gaps[2]].sort(byActor).map(gapId));
      expect(res.gaps.matched).toBe(expected.gaps[2].length);
    });

    it('answer 400 for a findings cursor or a stage past the last', async () => {
      const { findings } = await analysis({ limit: 1 });
      const res = await http()
        .get(`/api/plans/${largerId}/analysis/gaps`)
        .query({ cursor: findings.nextCursor as string, stage: 9 })
        .expect(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['stage', 'out_of_range'],
        ['cursor', 'invalid'],
      ]);
    });
  });

  it('follows a write: the analysis of a changed plan is the changed plan’s', async () => {
    const other = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
    const before = (await http().get(`/api/plans/${other}/analysis`).expect(200)).body as AnalysisResponse;
    const { version } = (await http().get(`/api/plans/${other}/stages/etapp-4/changes`).expect(200)).body;
    await http().put(`/api/plans/${other}/stages/etapp-4/changes`).send({ version, changes: [] }).expect(200);
    const after = (await http().get(`/api/plans/${other}/analysis`).expect(200)).body as AnalysisResponse;
    const changed = analysePlan(
      { ...plan, stages: plan.stages.map((s) => (s.id === 'etapp-4' ? { ...s, changes: [] } : s)) },
      { today: swedishDate(new Date()) },
    );
    expect(after.summary.findings).toBe(changed.findings.length);
    expect(after.summary.findings).not.toBe(before.summary.findings);
  });

  describe('judges the plan’s dates against the server’s date in Sweden', () => {
    // The example plan with its dates moved so that they lie ahead of the real date, whenever this runs.
    const DAY = 86_400_000;
    const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * DAY).toISOString().slice(0, 10);
    const shift = Math.max(0, Math.round((Date.parse(swedishDate(new Date())) - Date.parse('2026-11-01')) / DAY));
    const moved = JSON.parse(JSON.stringify(EXAMPLE_PLAN), (_key, value: unknown) =>
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? addDays(value, shift) : value,
    );
    // Stage 1 (from 2027-01-01) has consultations dated 2026-12-08 and 2026-12-10 in the example.
    const first = addDays('2026-12-08', shift);
    const second = addDays('2026-12-10', shift);
    let movedId: string;
    beforeAll(async () => {
      movedId = (await http().post('/api/plans/import').send(moved).expect(201)).body.id;
    });
    // The analysis's clock only: sessions keep the real one.
    const at = (instant: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(instant));
    afterEach(() => jest.restoreAllMocks());
    const planned = async () =>
      ((await http().get(`/api/plans/${movedId}/analysis`).query({ rule: 'participation.planned', limit: 100 }).expect(200)).body as AnalysisResponse)
        .findings.items;
    const stage1 = async () => (await planned()).find((f) => f.stageIndex === 1)?.message.en ?? '';

    it('a consultation dated after today is planned; on a later day it has been held', async () => {
      at(`${addDays(first, -1)}T12:00:00Z`);
      const before = await planned();
      expect(before.map((f) => f.stageIndex)).toEqual([1, 2, 3, 4]);
      expect(before[0].message.en).toContain(first);
      expect(before[0].message.en).toContain(second);
      at(`${addDays(second, 1)}T12:00:00Z`);
      const after = await planned();
      expect(after.map((f) => f.stageIndex)).toEqual([2, 3, 4]);
    });

    it('takes the day in Stockholm, not in UTC: 23:30 UTC is already the next day there, 21:30 is not', async () => {
      at(`${addDays(first, -1)}T21:30:00Z`);
      expect(await stage1()).toContain(first);
      at(`${addDays(first, -1)}T23:30:00Z`);
      const night = await stage1();
      expect(night).not.toContain(first);
      expect(night).toContain(second);
    });
  });

  it('serves the state after a stage, with effective deciders', async () => {
    const baseline = (await http().get(`/api/plans/${planId}/states/0`).expect(200)).body;
    const after2 = (await http().get(`/api/plans/${planId}/states/2`).expect(200)).body;
    const right = (state: { rights: Array<{ decisionAreaId: string; deciderId: string }> }) => state.rights.find((r) => r.decisionAreaId === 's-5-1');
    expect(right(baseline)?.deciderId).toBe('ec-bist');
    expect(right(after2)?.deciderId).toBe('bhl');
  });

  it('serves the diff between any two states', async () => {
    const res = await http().get(`/api/plans/${planId}/diff`).query({ from: 1, to: 2 }).expect(200);
    const moved = res.body.rights.find((d: { decisionAreaId: string }) => d.decisionAreaId === 's-5-1');
    expect(moved.kinds).toContain('moved');
    expect(res.body.gained).toContainEqual({ actorId: 'bhl', decisionAreaId: 's-5-1' });
  });

  it.each([
    ['states/9', 'index'],
    ['states/-1', 'index'],
    ['states/two', 'index'],
    ['diff?from=0&to=9', 'to'],
    ['diff?from=x&to=1', 'from'],
    ['diff?to=1', 'from'],
  ])('answers 400 for %s naming %s', async (path, field) => {
    const res = await http().get(`/api/plans/${planId}/${path}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each(['analysis', 'analysis/gaps'])('answers 404 for an unknown plan’s %s', async (path) => {
    await http().get(`/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11/${path}`).expect(404);
  });
});
