import { ErrorResponse, PlanResponse } from '@tillit/contract';
import { aPlanRequest } from '../testing/builders';
import { useTestApp } from '../testing/test-app';
import { PlansController } from './plans.controller';

describe(PlansController.name, () => {
  const { http } = useTestApp('change_lead');

  async function createPlan(overrides = {}): Promise<PlanResponse> {
    const res = await http().post('/api/plans').send(aPlanRequest(overrides)).expect(201);
    return res.body as PlanResponse;
  }

  describe('POST /api/plans', () => {
    it('creates a draft plan at version 1 with a trimmed title', async () => {
      const res = await http().post('/api/plans').send({ title: '  Tillitsresan  ', purpose: 'Mer handlingsutrymme' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ title: 'Tillitsresan', purpose: 'Mer handlingsutrymme', status: 'draft', version: 1 });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      [{}, 'title'],
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 42 }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'ok', purpose: 7 }, 'purpose'],
      [{ title: 'ok', owner: 'me' }, 'owner'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await http().post('/api/plans').send(body);
      expect(res.status).toBe(400);
      const error = res.body as ErrorResponse;
      expect(error.code).toBe('validation_failed');
      expect(error.errors?.map((e) => e.field)).toContain(field);
    });

    it('refuses a body that is not JSON with 400', async () => {
      const res = await http().post('/api/plans').set('content-type', 'application/json').send('{"title":');
      expect(res.status).toBe(400);
      expect((res.body as ErrorResponse).errors?.[0].field).toBe('body');
    });

    it('writes nothing when the input is refused', async () => {
      const before = (await http().get('/api/plans').expect(200)).body as PlanResponse[];
      await http().post('/api/plans').send({ title: '' }).expect(400);
      const after = (await http().get('/api/plans').expect(200)).body as PlanResponse[];
      expect(after).toHaveLength(before.length);
    });
  });

  describe('GET /api/plans', () => {
    it('lists created plans in creation order', async () => {
      const a = await createPlan();
      const b = await createPlan();
      const ids = ((await http().get('/api/plans').expect(200)).body as PlanResponse[]).map((p) => p.id);
      expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    });
  });

  describe('GET /api/plans/:id', () => {
    it('returns the plan', async () => {
      const plan = await createPlan();
      const res = await http().get(`/api/plans/${plan.id}`).expect(200);
      expect(res.body).toEqual(plan);
    });

    it('answers 404 for an unknown id', async () => {
      const res = await http().get('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11');
      expect(res.status).toBe(404);
      expect((res.body as ErrorResponse).code).toBe('not_found');
    });

    it('answers 400 naming the id when it is not a UUID', async () => {
      const res = await http().get('/api/plans/not-a-uuid');
      expect(res.status).toBe(400);
      expect((res.body as ErrorResponse).errors).toEqual([
        { field: 'id', code: 'invalid_format', params: { format: 'uuid' }, reason: 'must be a UUID' },
      ]);
    });
  });

  describe('PATCH /api/plans/:id', () => {
    it('renames the plan and bumps its version', async () => {
      const plan = await createPlan();
      const res = await http().patch(`/api/plans/${plan.id}`).send({ version: 1, title: 'Nytt namn' }).expect(200);
      expect(res.body).toMatchObject({ id: plan.id, title: 'Nytt namn', version: 2, purpose: plan.purpose });
    });

    it('answers 409 with the current version when the version is stale, and keeps the first write', async () => {
      const plan = await createPlan();
      await http().patch(`/api/plans/${plan.id}`).send({ version: 1, title: 'Först' }).expect(200);
      const res = await http().patch(`/api/plans/${plan.id}`).send({ version: 1, title: 'Sist' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      expect((await http().get(`/api/plans/${plan.id}`)).body.title).toBe('Först');
    });

    it('lets exactly one of two concurrent renames at the same version win', async () => {
      const plan = await createPlan();
      const results = await Promise.all(['A', 'B'].map((title) => http().patch(`/api/plans/${plan.id}`).send({ version: 1, title })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('requires a version', async () => {
      const plan = await createPlan();
      const res = await http().patch(`/api/plans/${plan.id}`).send({ title: 'Utan version' });
      expect(res.status).toBe(400);
      expect((res.body as ErrorResponse).errors?.map((e) => e.field)).toContain('version');
    });

    it('answers 404 for an unknown id', async () => {
      await http().patch('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11').send({ version: 1, title: 'x' }).expect(404);
    });
  });

  describe('DELETE /api/plans/:id', () => {
    it('deletes the plan', async () => {
      const plan = await createPlan();
      await http().delete(`/api/plans/${plan.id}`).expect(204);
      await http().get(`/api/plans/${plan.id}`).expect(404);
    });

    it('answers 404 for an unknown id', async () => {
      await http().delete('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11').expect(404);
    });
  });
});
