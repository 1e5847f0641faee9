import { EXAMPLE_PLAN } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from '../testing/test-app';
import { PlanStore } from './plan-store';

const STAGES = EXAMPLE_PLAN.stages ?? [];

describe(PlanStore.name, () => {
  const env = useTestApp('change_lead');

  async function importExample(): Promise<string> {
    return (await env.http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
  }

  describe('versions never go back', () => {
    it('refuses a PATCH with a version read before the plan content was replaced', async () => {
      const id = await importExample();
      const actor = (await env.http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body;
      expect(actor.version).toBe(1);
      const plan = (await env.http().get(`/api/plans/${id}`).expect(200)).body;
      const content = (await env.http().get(`/api/plans/${id}/export`).expect(200)).body;
      await env.http().put(`/api/plans/${id}/content`).send({ version: plan.version, plan: content }).expect(200);

      const stale = await env.http().patch(`/api/plans/${id}/actors/bhl`).send({ version: 1, headcount: 99 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      const now = (await env.http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body;
      expect(now.version).toBe(stale.body.currentVersion);
      expect(now.headcount).toBe(actor.headcount);
    });

    it('gives every write a version above all earlier ones, and answers the version it stored', async () => {
      const id = await importExample();
      const first = (await env.http().patch(`/api/plans/${id}/actors/bhl`).send({ version: 1, headcount: 3 }).expect(200)).body;
      const created = (
        await env.http().post(`/api/plans/${id}/competences`).send({ id: 'ny-k', name: 'Ny kompetens', category: 'domain' }).expect(201)
      ).body;
      expect(created.version).toBeGreaterThan(first.version);
      const read = (await env.http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body;
      expect(read.version).toBe(first.version);
      const second = (await env.http().patch(`/api/plans/${id}/actors/bhl`).send({ version: first.version, headcount: 4 }).expect(200)).body;
      expect(second.version).toBeGreaterThan(created.version);
    });

    it('gives a stage new versions when its changes or the stage order are rewritten', async () => {
      const id = await importExample();
      const stageKey = STAGES[0].id;
      const changes = (await env.http().get(`/api/plans/${id}/stages/${stageKey}/changes`).expect(200)).body;
      const saved = (await env.http().put(`/api/plans/${id}/stages/${stageKey}/changes`).send(changes).expect(200)).body;
      expect(saved.version).toBeGreaterThan(changes.version);
      expect((await env.http().put(`/api/plans/${id}/stages/${stageKey}/changes`).send(changes)).status).toBe(409);

      const plan = (await env.http().get(`/api/plans/${id}`).expect(200)).body;
      const order = STAGES.map((s) => s.id);
      await env.http().put(`/api/plans/${id}/stage-order`).send({ version: plan.version, stageIds: order }).expect(200);
      const stage = (await env.http().get(`/api/plans/${id}/stages/${stageKey}`).expect(200)).body;
      expect(stage.version).toBeGreaterThan(saved.version);
    });
  });

  describe('a frozen plan', () => {
    it.each(['submitted', 'approved', 'archived'])('refuses every kind of write while %s, with plan_frozen, and changes nothing', async (status) => {
      const id = await importExample();
      const before = (await env.http().get(`/api/plans/${id}/export`).expect(200)).body;
      const plan = (await env.http().get(`/api/plans/${id}`).expect(200)).body;
      await env.app.app.get(DataSource).query(`UPDATE plan SET status = $2 WHERE id = $1`, [id, status]);
      const stageKey = STAGES[0].id;
      const attempts = [
        env.http().patch(`/api/plans/${id}`).send({ version: plan.version, title: 'Ny titel' }),
        env.http().delete(`/api/plans/${id}`),
        env.http().put(`/api/plans/${id}/content`).send({ version: plan.version, plan: before }),
        env.http().patch(`/api/plans/${id}/actors/bhl`).send({ version: 1, headcount: 5 }),
        env.http().post(`/api/plans/${id}/competences`).send({ id: 'ny-k', name: 'Ny kompetens', category: 'domain' }),
        env.http().delete(`/api/plans/${id}/actors/bhl?version=1`),
        env.http().put(`/api/plans/${id}/stages/${stageKey}/changes`).send({ version: 1, changes: [] }),
        env
          .http()
          .put(`/api/plans/${id}/settings`)
          .send({ version: plan.version, settings: { clarityThreshold: 2, riskThreshold: 10 } }),
      ];
      for (const attempt of attempts) {
        const res = await attempt;
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'plan_frozen' });
      }
      expect((await env.http().get(`/api/plans/${id}/export`).expect(200)).body).toEqual(before);
    });
  });
});
