import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { useTestApp } from '../testing/test-app';
import { AnalysisController } from './analysis.controller';

describe(AnalysisController.name, () => {
  const { http } = useTestApp('change_lead');
  let planId: string;

  beforeAll(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('serves the domain engine’s findings and metrics of every stage', async () => {
    const res = await http().get(`/api/plans/${planId}/analysis`).expect(200);
    const expected = analysePlan((validatePlan(EXAMPLE_PLAN) as { ok: true; plan: never }).plan);
    expect(res.body.findings.map((f: { id: string }) => f.id)).toEqual(expected.findings.map((f) => f.id));
    expect(res.body.metrics).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
    expect(res.body.stages.map((s: { index: number }) => s.index)).toEqual([1, 2, 3, 4]);
    expect(res.body.notApplicable).toEqual([]);
  });

  it('serves one stage’s analysis with ?stage=', async () => {
    const res = await http().get(`/api/plans/${planId}/analysis`).query({ stage: 4 }).expect(200);
    expect(new Set(res.body.findings.map((f: { stageIndex: number | null }) => f.stageIndex))).toEqual(new Set([4]));
    expect(res.body.metrics).toHaveLength(1);
    expect(res.body.metrics[0].stageIndex).toBe(4);
    await http().get(`/api/plans/${planId}/analysis`).query({ stage: 5 }).expect(400);
    await http().get(`/api/plans/${planId}/analysis`).query({ stage: 'x' }).expect(400);
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

  it('answers 404 for an unknown plan', async () => {
    await http().get('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11/analysis').expect(404);
  });
});
