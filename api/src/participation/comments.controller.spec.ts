import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { SignedIn, signIn, useTestApp } from '../testing/test-app';
import { CommentsController } from './comments.controller';

describe(CommentsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;
  let planId: string;
  let maja: SignedIn;
  let olle: SignedIn;
  const url = (key = '') => `/api/plans/${planId}/comments${key && `/${key}`}`;
  const as = (who: SignedIn) => request.agent(env.app.app.getHttpServer()).set(who.headers);
  const named = async (who: SignedIn, name: string) => {
    await env.app.app.get(DataSource).query('UPDATE app_user SET display_name = $1 WHERE id = $2', [name, who.userId]);
    return who;
  };

  beforeAll(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
    maja = await named(await signIn(env.app, 'contributor', env.user.organisationId), 'Maja Medarbetare');
    olle = await named(await signIn(env.app, 'contributor', env.user.organisationId), 'Olle Ombud');
  });

  it('takes the author and the time from the session, whatever the body says', async () => {
    const before = Date.now();
    const res = await as(maja)
      .post(url())
      .send({
        id: 'k-maja',
        stageId: 'etapp-3',
        author: 'Someone else',
        createdAt: '2020-01-01T00:00:00Z',
        text: 'Vi vill vara med.',
        actorId: 'bhl',
      })
      .expect(201);
    expect(res.body).toMatchObject({ author: 'Maja Medarbetare', actorId: 'bhl', own: true });
    expect(res.body.unionRep).toBeUndefined();
    expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    const read = (await http().get(url('k-maja')).expect(200)).body;
    expect(read).toMatchObject({ author: 'Maja Medarbetare', createdAt: res.body.createdAt, own: false });
  });

  it('keeps the stored author of the example’s comments, which no account owns', async () => {
    const list = (await as(maja).get(url()).expect(200)).body as Array<{ id: string; author: string; own: boolean; unionRep?: boolean }>;
    expect(list.find((c) => c.id === 'kom-1')).toMatchObject({ author: 'Vision, arbetsplatsombud', unionRep: true, own: false });
    const kom1 = list.find((c) => c.id === 'kom-1') as unknown as { version: number };
    await as(maja).patch(url('kom-1')).send({ version: kom1.version, text: 'Ändrad' }).expect(403);
  });

  it('refuses an edit or a delete of another’s comment with 403, and lets the author edit their own', async () => {
    const mine = (await as(maja).get(url('k-maja')).expect(200)).body as { version: number };
    const edit = await as(olle).patch(url('k-maja')).send({ version: mine.version, text: 'Olle skriver om' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('forbidden');
    await as(olle).delete(url('k-maja')).query({ version: mine.version }).expect(403);
    const changed = await as(maja).patch(url('k-maja')).send({ version: mine.version, text: 'Vi vill planera tillsammans.' }).expect(200);
    expect(changed.body).toMatchObject({ text: 'Vi vill planera tillsammans.', author: 'Maja Medarbetare' });
  });

  it('refuses changing who wrote it, when, or what it answers', async () => {
    const mine = (await as(maja).get(url('k-maja')).expect(200)).body as { version: number };
    const res = await as(maja).patch(url('k-maja')).send({ version: mine.version, author: 'Någon', createdAt: '2020-01-01T00:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['author', 'immutable'],
      ['createdAt', 'immutable'],
    ]);
  });

  it('marks a union representative’s comments, unless they speak for themselves', async () => {
    const admin = await signIn(env.app, 'admin', env.user.organisationId);
    const flagged = await as(admin).patch(`/api/users/${olle.userId}`).send({ unionRep: true }).expect(200);
    expect(flagged.body).toMatchObject({ unionRep: true, role: 'contributor' });
    const asUnion = await as(olle).post(url()).send({ id: 'k-olle', stageId: 'etapp-3', text: 'Vision vill förhandla.' }).expect(201);
    expect(asUnion.body).toMatchObject({ author: 'Olle Ombud', unionRep: true });
    const own = await as(olle)
      .post(url())
      .send({ id: 'k-olle-2', stageId: 'etapp-3', text: 'Själv tycker jag så här.', unionRep: false })
      .expect(201);
    expect(own.body.unionRep).toBeUndefined();
    const notRep = await as(maja).post(url()).send({ id: 'k-maja-2', stageId: 'etapp-3', text: 'Jag med.', unionRep: true }).expect(201);
    expect(notRep.body.unionRep).toBeUndefined();
  });

  it('lets the change lead answer, and no one else', async () => {
    await as(maja).post(url()).send({ id: 'k-svar-maja', stageId: 'etapp-3', text: 'Svar', replyTo: 'k-olle', answer: true }).expect(403);
    const reply = await as(maja).post(url()).send({ id: 'k-reply', stageId: 'etapp-3', text: 'Håller med', replyTo: 'k-olle' }).expect(201);
    expect(reply.body).toMatchObject({ replyTo: 'k-olle' });
    expect(reply.body.answer).toBeUndefined();
    const answer = await http()
      .post(url())
      .send({ id: 'k-svar', stageId: 'etapp-3', text: 'Vi kallar till MBL.', replyTo: 'k-olle', answer: true })
      .expect(201);
    expect(answer.body).toMatchObject({ answer: true, replyTo: 'k-olle', author: 'Test change_lead' });
    const findings = (await http().get(`/api/plans/${planId}/analysis`).query({ rule: 'participation.unanswered_comments', limit: 100 }).expect(200))
      .body.findings.items as Array<{ message: { sv: string } }>;
    expect(findings.map((f) => f.message.sv)).toEqual(['Etapp 3 ”En sammanhållen hemtjänst” har 3 obesvarade kommentarer.']);
  });

  it('refuses a reply to a comment on another stage, to a reply, or an answer to nothing', async () => {
    const other = await as(maja).post(url()).send({ id: 'k-x', stageId: 'etapp-2', text: 'Fel etapp', replyTo: 'k-olle' });
    expect(other.status).toBe(400);
    expect(other.body.errors).toMatchObject([{ field: 'replyTo', code: 'unknown_reference' }]);
    await as(maja).post(url()).send({ id: 'k-y', stageId: 'etapp-3', text: 'Svar på svar', replyTo: 'k-reply' }).expect(400);
    const none = await http().post(url()).send({ id: 'k-z', stageId: 'etapp-3', text: 'Svar', answer: true });
    expect(none.body.errors).toMatchObject([{ field: 'replyTo', code: 'required' }]);
  });

  it('lets the change lead delete any comment once its replies are gone (moderation)', async () => {
    const olles = (await http().get(url('k-olle')).expect(200)).body as { version: number };
    const refused = await http().delete(url('k-olle')).query({ version: olles.version });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'id', code: 'in_use' });
    for (const key of ['k-svar', 'k-reply']) {
      const { version } = (await http().get(url(key)).expect(200)).body as { version: number };
      await http().delete(url(key)).query({ version }).expect(204);
    }
    await http().delete(url('k-olle')).query({ version: olles.version }).expect(204);
    await http().get(url('k-olle')).expect(404);
  });

  it('does not let a viewer comment', async () => {
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    await as(viewer).post(url()).send({ id: 'k-v', stageId: 'etapp-3', text: 'Hej' }).expect(403);
  });
});
