import { EXAMPLE_PLAN, PlanInput, validatePlan } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { useTestApp } from '../testing/test-app';
import { TransferController } from './transfer.controller';

/** The plan as the engine reads it, with timestamps in one notation; a null and a missing optional field mean the same. */
function normalised(input: unknown) {
  const result = validatePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  const plan = result.plan;
  const withTimes = { ...plan, comments: plan.comments.map((c) => ({ ...c, createdAt: c.createdAt && new Date(c.createdAt).toISOString() })) };
  return JSON.parse(JSON.stringify(withTimes, (_key, value: unknown) => (value === null ? undefined : value)));
}

describe(TransferController.name, () => {
  const { http } = useTestApp('change_lead');

  async function importPlan(document: unknown): Promise<string> {
    const res = await http()
      .post('/api/plans/import')
      .send(document as object);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('imports the example plan and exports an equal plan', async () => {
    const id = await importPlan(EXAMPLE_PLAN);
    const exported = await http().get(`/api/plans/${id}/export`).expect(200);
    expect(normalised(exported.body)).toEqual(normalised(EXAMPLE_PLAN));
  });

  it('round-trips: exporting an imported export gives the same document', async () => {
    const first = (
      await http()
        .get(`/api/plans/${await importPlan(EXAMPLE_PLAN)}/export`)
        .expect(200)
    ).body as PlanInput;
    const second = (
      await http()
        .get(`/api/plans/${await importPlan(first)}/export`)
        .expect(200)
    ).body as PlanInput;
    expect(second).toEqual(first);
  });

  it('round-trips a large plan, written in chunks', async () => {
    const plan = syntheticPlan({ actors: 300, decisionAreas: 3000, stages: 5, changes: 4000, competences: 10, seed: 3, chaos: 0.2 });
    const id = await importPlan(plan);
    const exported = await http().get(`/api/plans/${id}/export`).expect(200);
    expect(normalised(exported.body)).toEqual(normalised(plan));
  });

  it('refuses an invalid plan with the validator’s paths, and writes nothing', async () => {
    const before = (await http().get('/api/plans').expect(200)).body.length;
    const broken = structuredClone(EXAMPLE_PLAN) as { actors: Array<{ kind: string }>; baseline: Array<{ deciderId: string }> };
    broken.actors[2].kind = 'boss';
    broken.baseline[0].deciderId = 'nobody';
    const res = await http().post('/api/plans/import').send(broken);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('actors[2].kind');
    const afterFix = structuredClone(broken);
    afterFix.actors[2].kind = 'governing_body';
    const second = await http().post('/api/plans/import').send(afterFix);
    expect(second.body.errors).toEqual([
      expect.objectContaining({
        field: 'baseline[0].deciderId',
        code: 'unknown_reference',
        params: expect.objectContaining({ kind: 'actor', id: 'nobody' }),
      }),
    ]);
    expect((await http().get('/api/plans').expect(200)).body.length).toBe(before);
  });

  it.each([['"just a string"'], ['[1, 2]'], ['{"formatVersion": 7}']])('refuses %s with 400', async (body: string) => {
    const res = await http()
      .post('/api/plans/import')
      .set('content-type', 'application/json')
      .send(body as string);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('answers 404 when exporting an unknown plan and 400 for a malformed id', async () => {
    await http().get('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11/export').expect(404);
    await http().get('/api/plans/nope/export').expect(400);
  });
});

describe('PUT /api/plans/:id/content', () => {
  const { http } = useTestApp('change_lead');

  async function imported(): Promise<string> {
    return (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  }

  function edited(): PlanInput {
    const plan = structuredClone(EXAMPLE_PLAN);
    plan.title = 'Tillitsresan, reviderad';
    plan.stages?.[3].gateCriteria?.push('Stickprov av 20 beslut utan anmärkning');
    return plan;
  }

  it('replaces the whole plan atomically and bumps the version', async () => {
    const id = await imported();
    const res = await http().put(`/api/plans/${id}/content`).send({ version: 1, plan: edited() }).expect(200);
    expect(res.body).toMatchObject({ id, version: 2, title: 'Tillitsresan, reviderad' });
    const exported = (await http().get(`/api/plans/${id}/export`).expect(200)).body as PlanInput;
    expect(exported.stages?.[3].gateCriteria).toEqual(['Stickprov av 20 beslut utan anmärkning']);
    const analysis = (await http().get(`/api/plans/${id}/analysis?limit=1000`).expect(200)).body;
    expect(analysis.findings.items.map((f: { rule: string }) => f.rule)).not.toContain('steps.no_gate_criteria');
  });

  it('answers 409 with the current version for a stale version, and keeps what is stored', async () => {
    const id = await imported();
    await http().put(`/api/plans/${id}/content`).send({ version: 1, plan: edited() }).expect(200);
    const stale = await http().put(`/api/plans/${id}/content`).send({ version: 1, plan: EXAMPLE_PLAN });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.title).toBe('Tillitsresan, reviderad');
  });

  it('refuses an invalid plan with paths under plan., and writes nothing', async () => {
    const id = await imported();
    const broken = structuredClone(EXAMPLE_PLAN) as { actors: Array<{ kind: string }> };
    broken.actors[0].kind = 'king';
    const res = await http().put(`/api/plans/${id}/content`).send({ version: 1, plan: broken });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('plan.actors[0].kind');
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.version).toBe(1);
  });

  it.each([[{ plan: {} }], [{ version: 0, plan: {} }], [{ version: 1 }], [{ version: 1, plan: 'x' }]])('refuses %j with 400', async (body) => {
    const id = await imported();
    await http().put(`/api/plans/${id}/content`).send(body).expect(400);
  });

  it('answers 404 for an unknown plan', async () => {
    await http().put('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11/content').send({ version: 1, plan: EXAMPLE_PLAN }).expect(404);
  });
});
