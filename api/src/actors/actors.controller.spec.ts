import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { signIn, useTestApp } from '../testing/test-app';
import { ActorsController } from './actors.module';

describe(ActorsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;
  let planId: string;
  const base = () => `/api/plans/${planId}`;

  beforeEach(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('lists the plan’s actors in order, each at version 1', async () => {
    const res = await http().get(`${base()}/actors`).expect(200);
    expect(res.body).toHaveLength(EXAMPLE_PLAN.actors?.length ?? 0);
    expect(res.body[0]).toEqual({ ...EXAMPLE_PLAN.actors?.[0], version: 1 });
  });

  it('refuses to delete an actor that is only a substitute, or only the author of a reporting exemption, naming what uses it', async () => {
    const actor = { id: 'ers-ny', name: 'Ersättare ny', kind: 'manager', reportsTo: 'avd-ifo' };
    const created = (await http().post(`${base()}/actors`).send(actor).expect(201)).body as { version: number };
    const right = (await http().get(`${base()}/baseline/b-6-3`).expect(200)).body as Record<string, unknown>;
    await http()
      .put(`${base()}/baseline/b-6-3`)
      .send({ ...right, substituteId: 'ers-ny' })
      .expect(200);
    const refused = await http().delete(`${base()}/actors/ers-ny?version=${created.version}`).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ code: 'in_use', params: { by: [expect.objectContaining({ kind: 'decisionRight' })] } }),
    ]);
    // A body that decided the reporting exemption of s-4-1 (and nothing else) is named by that area.
    const body = (await http().post(`${base()}/actors`).send({ id: 'utskott-ny', name: 'Nytt utskott', kind: 'governing_body' }).expect(201))
      .body as { version: number };
    const area = (await http().get(`${base()}/decision-areas/s-4-1`).expect(200)).body as { version: number; reportingExemption: object };
    await http()
      .patch(`${base()}/decision-areas/s-4-1`)
      .send({ version: area.version, reportingExemption: { ...area.reportingExemption, decidedBy: 'utskott-ny' } })
      .expect(200);
    const inUse = await http().delete(`${base()}/actors/utskott-ny?version=${body.version}`).expect(400);
    expect(inUse.body.errors[0].params.by).toEqual([expect.objectContaining({ kind: 'decisionArea', label: expect.stringMatching(/^4\.1 /) })]);
  });

  it('creates an actor, which the analysis then knows', async () => {
    const actor = { id: 'ec-ny', name: 'Enhetschef ny enhet', kind: 'manager', reportsTo: 'avd-ao' };
    const res = await http().post(`${base()}/actors`).send(actor).expect(201);
    expect(res.body).toEqual({ ...actor, version: expect.any(Number) });
    expect((await http().get(`${base()}/actors/ec-ny`).expect(200)).body.version).toBe(res.body.version);
    const state = (await http().get(`${base()}/states/0`).expect(200)).body;
    expect(state.actors.find((a: { id: string }) => a.id === 'ec-ny')).toMatchObject({ level: 4 });
  });

  it.each([
    [{ id: 'x', name: 'X', kind: 'king' }, 'kind'],
    [{ name: 'Utan id', kind: 'team' }, 'id'],
    [{ id: 'x', name: 'X', kind: 'team', colour: 'blå' }, 'colour'],
    [{ id: 'x', name: 'X', kind: 'team', reportsTo: 'ingen' }, 'reportsTo'],
    [{ id: 'bhl', name: 'Dubblett', kind: 'role' }, 'id'],
  ])('refuses %j with 400 naming %s, and writes nothing', async (body, field) => {
    const res = await http().post(`${base()}/actors`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await http().get(`${base()}/actors`).expect(200)).body).toHaveLength(EXAMPLE_PLAN.actors?.length ?? 0);
  });

  it('updates an actor with the version last read, and answers 409 to a stale one', async () => {
    const ok = await http().patch(`${base()}/actors/bhl`).send({ version: 1, name: 'Biståndshandläggare' }).expect(200);
    expect(ok.body).toMatchObject({ id: 'bhl', name: 'Biståndshandläggare', kind: 'role' });
    expect(ok.body.version).toBeGreaterThan(1);
    const stale = await http().patch(`${base()}/actors/bhl`).send({ version: 1, name: 'Sist' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(ok.body.version);
    expect((await http().get(`${base()}/actors/bhl`).expect(200)).body.name).toBe('Biståndshandläggare');
  });

  it('removes an optional field sent as null, and refuses null for a required one', async () => {
    const before = (await http().get(`${base()}/actors/bhl`).expect(200)).body;
    expect(before.headcount).toEqual(expect.any(Number));
    const cleared = await http().patch(`${base()}/actors/bhl`).send({ version: before.version, headcount: null }).expect(200);
    expect(cleared.body).not.toHaveProperty('headcount');
    expect((await http().get(`${base()}/actors/bhl`).expect(200)).body).not.toHaveProperty('headcount');
    const required = await http().patch(`${base()}/actors/bhl`).send({ version: cleared.body.version, name: null });
    expect(required.status).toBe(400);
    expect(required.body.errors.map((e: { field: string }) => e.field)).toContain('name');
  });

  it.each([
    [{ name: 'Utan version' }, 'version'],
    [{ version: 1, id: 'nytt-id' }, 'id'],
    [{ version: 1, kind: 'king' }, 'kind'],
    [{ version: 1, shoeSize: 42 }, 'shoeSize'],
  ])('refuses the update %j with 400 naming %s', async (body, field) => {
    const res = await http().patch(`${base()}/actors/bhl`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses to delete an actor that is still in use, and deletes one that is not', async () => {
    const inUse = await http().delete(`${base()}/actors/bhl`).query({ version: 1 });
    expect(inUse.status).toBe(400);
    expect(inUse.body.errors[0]).toMatchObject({ field: 'id' });
    expect(inUse.body.errors[0].reason).toContain('still in use');
    // What still refers to it, by name: the decision rights by their areas' codes and titles, never ids or paths.
    const by = inUse.body.errors[0].params.by as Array<{ kind: string; label: string }>;
    const area = EXAMPLE_PLAN.decisionAreas?.find((a) => EXAMPLE_PLAN.baseline?.some((r) => r.deciderId === 'bhl' && r.decisionAreaId === a.id));
    expect(by).toContainEqual({ kind: 'decisionRight', label: `${area?.code} ${area?.title}` });
    // The rights it holds come first: the web names only the first few.
    expect(by[0].kind).toBe('decisionRight');
    expect(JSON.stringify(by)).not.toMatch(/\$\.|\[\d+\]|"bhl"/);
    const created = await http().post(`${base()}/actors`).send({ id: 'tillfällig', name: 'Tillfällig', kind: 'team' }).expect(201);
    await http()
      .delete(`${base()}/actors/tillfällig`)
      .query({ version: created.body.version + 1 })
      .expect(409);
    await http().delete(`${base()}/actors/tillfällig`).expect(400);
    await http().delete(`${base()}/actors/tillfällig`).query({ version: created.body.version }).expect(204);
    await http().get(`${base()}/actors/tillfällig`).expect(404);
  });

  // The labels are made from the plan as it would be without the entity: they must still name it.
  it.each(['actors/bhl', 'decision-areas/a-1-1', 'competences/c-sol', 'stages/etapp-1'])(
    'names everything that still uses %s, none as “?”',
    async (entity) => {
      const res = await http().delete(`${base()}/${entity}`).query({ version: 1 });
      expect(res.status).toBe(400);
      const by = res.body.errors[0].params.by as Array<{ kind: string; label: string }>;
      expect(by.length).toBeGreaterThan(0);
      expect(by.filter((r) => r.label.includes('?'))).toEqual([]);
    },
  );

  it('answers 404 for an unknown actor or plan', async () => {
    await http().get(`${base()}/actors/ingen`).expect(404);
    await http().patch(`${base()}/actors/ingen`).send({ version: 1, name: 'X' }).expect(404);
    await http().get('/api/plans/6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11/actors').expect(404);
  });

  it('keeps decision areas with their competence requirements', async () => {
    const area = {
      id: 'ny-1',
      code: '13.1',
      title: 'Beslut om ny insats',
      section: 'SoL',
      kind: 'formal',
      requirements: [{ competenceId: 'c-sol', level: 3 }],
    };
    const created = await http().post(`${base()}/decision-areas`).send(area).expect(201);
    const read = (await http().get(`${base()}/decision-areas/ny-1`).expect(200)).body;
    expect(read).toMatchObject({ ...area, citizenFacing: false, nonDelegable: false, version: created.body.version });
    const updated = await http()
      .patch(`${base()}/decision-areas/ny-1`)
      .send({ version: read.version, requirements: [{ competenceId: 'c-ibic', level: 2 }] })
      .expect(200);
    expect(updated.body.requirements).toEqual([{ competenceId: 'c-ibic', level: 2 }]);
    const unknown = await http()
      .patch(`${base()}/decision-areas/ny-1`)
      .send({ version: updated.body.version, requirements: [{ competenceId: 'ingen', level: 2 }] });
    expect(unknown.status).toBe(400);
  });

  it('lets HR keep the competence catalogue but not change actors', async () => {
    const hr = await signIn(env.app, 'hr', env.user.organisationId);
    const as = () => request.agent(env.app.app.getHttpServer()).set(hr.headers);
    await as().post(`${base()}/competences`).send({ id: 'c-ny', name: 'Motiverande samtal', category: 'domain' }).expect(201);
    await as().post(`${base()}/actors`).send({ id: 'x', name: 'X', kind: 'team' }).expect(403);
  });
});

describe('values the database cannot store', () => {
  const { http } = useTestApp('change_lead');

  it('answers 400, not 500, to a NUL character in a path or a body', async () => {
    const planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
    await http().get(`/api/plans/${planId}/actors/a%00b`).expect(400);
    const res = await http().post(`/api/plans/${planId}/actors`).send({ id: 'nul', name: 'A\u0000B', kind: 'team' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    await http().post('/api/plans').send({ title: 'Noll\u0000tecken' }).expect(400);
  });
});
