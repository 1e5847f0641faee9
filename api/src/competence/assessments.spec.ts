import { EXAMPLE_PLAN } from '@tillit/domain';
import request from 'supertest';
import { signIn, SignedIn } from '../testing/test-app';
import { useTestApp } from '../testing/test-app';

/** HR's requirement levels (one row per edit) and holdings with their assessment and trail (issue 13, items 4 and 5). */
describe('requirements and assessments', () => {
  const env = useTestApp('change_lead');
  let planId: string;
  let hr: SignedIn;
  const base = () => `/api/plans/${planId}`;
  const asHr = () => request.agent(env.app.app.getHttpServer()).set(hr.headers);

  beforeAll(async () => {
    hr = await signIn(env.app, 'hr', env.user.organisationId);
  });
  beforeEach(async () => {
    planId = (await env.http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('lets HR set a requirement’s level, and moves the decision area’s version so a stale edit of the area gets 409', async () => {
    const area = (await env.http().get(`${base()}/decision-areas/a-1-7`).expect(200)).body;
    const requirement = (await asHr().get(`${base()}/requirements/a-1-7/c-sol`).expect(200)).body;
    expect(requirement).toMatchObject({ decisionAreaId: 'a-1-7', competenceId: 'c-sol', level: 3, version: area.version });
    const saved = (await asHr().put(`${base()}/requirements/a-1-7/c-sol`).send({ version: requirement.version, level: 4 }).expect(200)).body;
    expect(saved).toMatchObject({ level: 4 });
    expect(saved.version).toBeGreaterThan(requirement.version);
    // The change lead's form still holds the area as it was: writing it back would undo HR's level.
    const stale = await env
      .http()
      .patch(`${base()}/decision-areas/a-1-7`)
      .send({ version: area.version, title: `${area.title} (ändrad)` });
    expect(stale.status).toBe(409);
    const after = (await env.http().get(`${base()}/decision-areas/a-1-7`).expect(200)).body;
    expect(after.requirements).toEqual([{ competenceId: 'c-sol', level: 4 }]);
    expect(after.version).toBe(saved.version);
    // HR's own stale write is refused too.
    expect((await asHr().put(`${base()}/requirements/a-1-7/c-sol`).send({ version: requirement.version, level: 2 })).status).toBe(409);
  });

  it('creates and removes a requirement, refuses an unknown competence by field and an unknown area with 404', async () => {
    const before = (await env.http().get(`${base()}/decision-areas/a-1-7`).expect(200)).body;
    expect((await asHr().put(`${base()}/requirements/a-1-7/c-led`).send({ level: 2 })).status).toBe(409);
    const created = (await asHr().put(`${base()}/requirements/a-1-7/c-led`).send({ version: before.version, level: 2 }).expect(200)).body;
    const area = (await env.http().get(`${base()}/decision-areas/a-1-7`).expect(200)).body;
    expect(area.version).toBe(created.version);
    expect(area.requirements).toEqual([
      { competenceId: 'c-sol', level: 3 },
      { competenceId: 'c-led', level: 2 },
    ]);
    const unknown = await asHr().put(`${base()}/requirements/a-1-7/ingen`).send({ version: area.version, level: 2 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'competenceId', code: 'unknown_reference' })]);
    expect((await asHr().put(`${base()}/requirements/inget-omrade/c-sol`).send({ version: 1, level: 2 })).status).toBe(404);
    expect((await asHr().put(`${base()}/requirements/a-1-7/c-sol`).send({ version: 1, level: 9 })).status).toBe(400);
    await asHr().delete(`${base()}/requirements/a-1-7/c-led`).query({ version: created.version }).expect(204);
    expect((await env.http().get(`${base()}/decision-areas/a-1-7`).expect(200)).body.requirements).toEqual([{ competenceId: 'c-sol', level: 3 }]);
  });

  it('refuses requirement edits to a contributor and a viewer', async () => {
    for (const role of ['contributor', 'viewer'] as const) {
      const user = await signIn(env.app, role, env.user.organisationId);
      const as = request.agent(env.app.app.getHttpServer()).set(user.headers);
      await as.put(`${base()}/requirements/a-1-7/c-sol`).send({ level: 1 }).expect(403);
    }
  });

  it('stores how a holding was assessed and until when, and the export gives it back', async () => {
    const holding = (await asHr().get(`${base()}/holdings/fc/c-arb`).expect(200)).body;
    const assessment = { assessmentMethod: 'test', assessedBy: 'Arbetsrättsjurist Eva Ek', assessedOn: '2026-03-01', expiresOn: '2028-03-01' };
    const saved = (
      await asHr()
        .put(`${base()}/holdings/fc/c-arb`)
        .send({ version: holding.version, level: 3, ...assessment })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({ level: 3, ...assessment });
    const exported = (await env.http().get(`${base()}/export`).expect(200)).body;
    expect(exported.holdings.find((h: { actorId: string; competenceId: string }) => h.actorId === 'fc' && h.competenceId === 'c-arb')).toEqual({
      actorId: 'fc',
      competenceId: 'c-arb',
      level: 3,
      ...assessment,
    });
  });

  it('refuses an expiry before the assessment by field, in a code the web translates', async () => {
    const holding = (await asHr().get(`${base()}/holdings/fc/c-arb`).expect(200)).body;
    const res = await asHr()
      .put(`${base()}/holdings/fc/c-arb`)
      .send({ version: holding.version, level: 3, assessmentMethod: 'manager', assessedOn: '2026-03-01', expiresOn: '2026-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'date_before', params: { other: 'assessedOn' } })]);
    const bad = await asHr().put(`${base()}/holdings/fc/c-arb`).send({ version: holding.version, level: 3, assessmentMethod: 'guess' });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'assessmentMethod', code: 'invalid_value' })]);
  });

  it('keeps the trail of a holding, whichever way it was written, without repeats', async () => {
    const first = (await asHr().get(`${base()}/holdings/fc/c-arb`).expect(200)).body;
    const one = (
      await asHr()
        .put(`${base()}/holdings/fc/c-arb`)
        .send({ version: first.version, level: 3, assessmentMethod: 'self', assessedOn: '2026-01-10' })
        .expect(200)
    ).body;
    await asHr()
      .put(`${base()}/holdings/fc/c-arb`)
      .send({ version: one.version, level: 4, assessmentMethod: 'hr', assessedBy: 'HR-partner Li', assessedOn: '2026-02-10' })
      .expect(200);
    // Writing the plan's content back unchanged adds nothing to the trail.
    const content = (await env.http().get(`${base()}/export`).expect(200)).body;
    const { version } = (await env.http().get(base()).expect(200)).body;
    await env.http().put(`${base()}/content`).send({ version, plan: content }).expect(200);
    const trail = (await asHr().get(`${base()}/holdings/fc/c-arb/history`).expect(200)).body.entries;
    expect(trail.map((e: { level: number; assessmentMethod?: string }) => [e.level, e.assessmentMethod])).toEqual([
      [4, undefined],
      [3, 'self'],
      [4, 'hr'],
    ]);
    expect(trail[2]).toMatchObject({ assessedBy: 'HR-partner Li', assessedOn: '2026-02-10' });
    expect(typeof trail[0].recordedAt).toBe('string');
    expect((await asHr().get(`${base()}/holdings/fc/ingen/history`).expect(200)).body.entries).toEqual([]);
    const stranger = await signIn(env.app, 'hr');
    await request.agent(env.app.app.getHttpServer()).set(stranger.headers).get(`${base()}/holdings/fc/c-arb/history`).expect(404);
  });
});
