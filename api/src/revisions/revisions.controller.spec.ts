import { createHash } from 'node:crypto';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { canonicalize } from 'json-canonicalize';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { asOwner } from '../testing/database-roles';
import { binaryBody, blockerKeys, importSubmittable, submission } from '../testing/revisions';
import { signIn, useTestApp } from '../testing/test-app';
import { RevisionsController } from './revisions.controller';

describe(RevisionsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;

  it('refuses a plan whose definition is not agreed, and writes nothing', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const { agreedOn: _agreedOn, ...unagreed } = EXAMPLE_PLAN.definition ?? {};
    const plan = (await http().get(`/api/plans/${id}`).expect(200)).body as { version: number };
    await http().put(`/api/plans/${id}/definition`).send({ version: plan.version, definition: unagreed }).expect(200);
    const body = await submission(http, id);
    const res = await http().post(`/api/plans/${id}/revisions`).send(body).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'definition', code: 'definition_not_agreed' })]));
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('draft');
    expect((await http().get(`/api/plans/${id}/revisions`).expect(200)).body).toEqual([]);
  });

  it('lists every open blocker without a justification, and refuses a justification of something else', async () => {
    const id = await importSubmittable(http);
    const blockers = await blockerKeys(http, id);
    expect(blockers.length).toBeGreaterThan(0);
    const body = await submission(http, id);
    const missing = await http()
      .post(`/api/plans/${id}/revisions`)
      .send({ ...body, justifications: [] })
      .expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'justifications', code: 'unjustified_blocker', params: expect.objectContaining({ count: blockers.length }) }),
    ]);
    const stray = await http()
      .post(`/api/plans/${id}/revisions`)
      .send({ ...body, justifications: [...(body.justifications as object[]), { finding: 'nothing-of-the-kind', text: 'x' }] })
      .expect(400);
    expect(stray.body.errors).toEqual([expect.objectContaining({ code: 'not_a_blocker' })]);
    await http()
      .post(`/api/plans/${id}/revisions`)
      .send({ ...body, version: (body.version as number) - 1 })
      .expect(409);
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('draft');
  });

  it('freezes a revision whose content hashes to its sha256, and then refuses every change', async () => {
    const id = await importSubmittable(http);
    const body = await submission(http, id);
    const created = await http().post(`/api/plans/${id}/revisions`).send(body).expect(201);
    expect(created.body).toMatchObject({
      number: 1,
      summary: body.summary,
      proposals: body.proposals,
      diarienummer: 'SN 2026/123',
      submittedBy: { id: env.user.userId, displayName: 'Test change_lead' },
    });
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('submitted');

    const content = await http().get(`/api/plans/${id}/revisions/1/content`).buffer(true).parse(binaryBody).expect(200);
    const bytes = content.body as Buffer;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(sha256).toBe(created.body.sha256);
    expect(content.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    expect(content.headers['content-type']).toMatch(/^application\/json/);
    // Canonical: parsing and canonicalising again gives the same bytes (keys sorted, no whitespace).
    const parsed = JSON.parse(bytes.toString('utf8')) as { revision: { number: number }; plan: { title: string }; analysis: { findings: unknown[] } };
    expect(Buffer.from(canonicalize(parsed), 'utf8').equals(bytes)).toBe(true);
    expect(parsed.revision.number).toBe(1);
    expect(parsed.plan.title).toBe(EXAMPLE_PLAN.title);
    expect(parsed.analysis.findings.length).toBeGreaterThan(0);
    expect(created.body.bytes).toBe(bytes.length);

    expect((await http().get(`/api/plans/${id}/revisions/1`).expect(200)).body).toEqual(created.body);
    await http().get(`/api/plans/${id}/revisions/2`).expect(404);
    await http().get(`/api/plans/${id}/revisions/x`).expect(400);

    // Frozen: edits and a second submission answer 409 plan_frozen.
    const actor = (await http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body as { version: number };
    const edit = await http().patch(`/api/plans/${id}/actors/bhl`).send({ version: actor.version, headcount: 3 }).expect(409);
    expect(edit.body.code).toBe('plan_frozen');
    const again = await http()
      .post(`/api/plans/${id}/revisions`)
      .send({ ...body, version: created.body.planVersion + 1 })
      .expect(409);
    expect(again.body.code).toBe('plan_frozen');
  });

  it('keeps revisions immutable in the database itself, even for the owner, and keeps their plan', async () => {
    const id = await importSubmittable(http);
    await http()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(http, id))
      .expect(201);
    await asOwner(env.app.app.get(DataSource), async (db) => {
      await expect(db.query(`UPDATE plan_revision SET summary = 'ändrad' WHERE plan_id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(db.query(`DELETE FROM plan_revision WHERE plan_id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(db.query(`TRUNCATE plan_revision CASCADE`)).rejects.toThrow(/immutable/);
      await expect(db.query(`DELETE FROM plan WHERE id = $1`, [id])).rejects.toThrow();
    });
    expect((await http().get(`/api/plans/${id}/revisions`).expect(200)).body).toHaveLength(1);
  });

  it('lets any member read revisions, only a change lead or admin submit, and no one from another organisation', async () => {
    const id = await importSubmittable(http);
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    const asViewer = () => request.agent(env.app.app.getHttpServer()).set(viewer.headers);
    await asViewer()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(http, id))
      .expect(403);
    await asViewer().get(`/api/plans/${id}/revisions`).expect(200);
    const stranger = await signIn(env.app, 'admin');
    const asStranger = () => request.agent(env.app.app.getHttpServer()).set(stranger.headers);
    await asStranger().get(`/api/plans/${id}/revisions`).expect(404);
    await asStranger()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(http, id))
      .expect(404);
  });

  it('diffs a revision against the plan as it is now, field by field, with rights and findings', async () => {
    const id = await importSubmittable(http);
    await http()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(http, id))
      .expect(201);
    const unchanged = (await http().get(`/api/plans/${id}/revisions/1/diff?to=draft`).expect(200)).body;
    expect(unchanged.plan.fields).toEqual([]);
    expect(unchanged.plan.actors).toEqual({ added: [], removed: [], changed: [], order: null });
    expect(unchanged.rights).toEqual([]);
    expect(unchanged.findings).toEqual({ added: [], resolved: [] });
    // Back with the change lead (as after an återremiss, which a later step records), then edited.
    await env.app.app.get(DataSource).query(`UPDATE plan SET status = 'draft' WHERE id = $1`, [id]);
    const actor = (await http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body as { version: number; name: string };
    await http().patch(`/api/plans/${id}/actors/bhl`).send({ version: actor.version, name: 'Biståndsenheten' }).expect(200);
    const diff = (await http().get(`/api/plans/${id}/revisions/1/diff`).expect(200)).body;
    expect(diff.plan.actors.changed).toEqual([
      expect.objectContaining({ key: 'bhl', fields: [{ field: 'name', before: actor.name, after: 'Biståndsenheten' }] }),
    ]);
    await http().get(`/api/plans/${id}/revisions/1/diff?to=1`).expect(200);
    const bad = await http().get(`/api/plans/${id}/revisions/1/diff?to=senaste`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'invalid' })]);
    await http().get(`/api/plans/${id}/revisions/1/diff?to=7`).expect(404);
  });
});
