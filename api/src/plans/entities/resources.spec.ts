import { EXAMPLE_PLAN } from '@tillit/domain';
import { useTestApp } from '../../testing/test-app';
import { RESOURCES } from './resource-spec';

/** A valid new entity of each resource in the example plan, and one field to change. */
const SAMPLES: Record<keyof typeof RESOURCES, { entity: Record<string, unknown>; patch: Record<string, unknown> }> = {
  actor: { entity: { id: 'g-actor', name: 'Nytt arbetslag', kind: 'team', reportsTo: 'ec-bist' }, patch: { name: 'Omdöpt arbetslag' } },
  decisionArea: {
    entity: { id: 'g-area', code: '99.1', title: 'Nytt ärende', section: 'Övrigt', kind: 'execution' },
    patch: { title: 'Omdöpt ärende' },
  },
  competence: { entity: { id: 'g-comp', name: 'Ny kompetens', category: 'domain' }, patch: { name: 'Omdöpt kompetens' } },
  stage: { entity: { id: 'g-stage', name: 'Ny etapp' }, patch: { goal: 'Ett mål' } },
  developmentAction: {
    entity: { id: 'g-da', actorId: 'bhl', competenceId: 'c-sol', targetLevel: 3, kind: 'training', beforeStageId: 'etapp-1' },
    patch: { targetLevel: 4 },
  },
  consequence: {
    entity: { id: 'g-kons', stageId: 'etapp-1', affected: 'employees', effect: 'positive', description: 'Mer inflytande', likelihood: 2, impact: 2 },
    patch: { impact: 3 },
  },
  consultation: { entity: { id: 'g-dial', stageId: 'etapp-1', format: 'survey' }, patch: { summary: 'Enkät till alla' } },
};

describe('plan resources', () => {
  const { http } = useTestApp('admin');
  let planId: string;

  beforeAll(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  for (const [name, spec] of Object.entries(RESOURCES)) {
    const { entity, patch } = SAMPLES[name as keyof typeof RESOURCES];
    it(`${spec.path}: create, read, update under version, delete under version`, async () => {
      const url = `/api/plans/${planId}/${spec.path}`;
      const created = await http().post(url).send(entity).expect(201);
      expect(created.body).toMatchObject(entity);
      const v1 = created.body.version as number;
      expect((await http().get(url).expect(200)).body.map((e: { id: string }) => e.id)).toContain(entity.id);
      expect((await http().get(`${url}/${entity.id}`).expect(200)).body).toMatchObject(entity);

      const updated = await http()
        .patch(`${url}/${entity.id}`)
        .send({ version: v1, ...patch })
        .expect(200);
      expect(updated.body).toMatchObject(patch);
      const v2 = updated.body.version as number;
      expect(v2).toBeGreaterThan(v1);
      expect((await http().get(`${url}/${entity.id}`).expect(200)).body.version).toBe(v2);
      const stale = await http()
        .patch(`${url}/${entity.id}`)
        .send({ version: v1, ...patch });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(v2);
      await http().patch(`${url}/${entity.id}`).send({ version: v2, notAField: 1 }).expect(400);
      await http().post(url).send(entity).expect(400);

      await http().delete(`${url}/${entity.id}`).query({ version: v1 }).expect(409);
      await http().delete(`${url}/${entity.id}`).query({ version: v2 }).expect(204);
      await http().get(`${url}/${entity.id}`).expect(404);
      await http().delete(`${url}/${entity.id}`).query({ version: v2 }).expect(404);
      await http()
        .patch(`${url}/${entity.id}`)
        .send({ version: v2, ...patch })
        .expect(404);
    });
  }

  it.each([
    ['baseline', 'rights'],
    ['holdings', 'holdings'],
    ['clarity', 'clarity'],
    ['stages/etapp-1/changes', 'changes'],
  ])('reads %s with the version a bulk write needs', async (path, list) => {
    const res = await http().get(`/api/plans/${planId}/${path}`).expect(200);
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(res.body[list])).toBe(true);
    expect(res.body[list].length).toBeGreaterThan(0);
  });
});
