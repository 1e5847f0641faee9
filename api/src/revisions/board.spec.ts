import request from 'supertest';
import { importSubmittable, submittedPlan } from '../testing/revisions';
import { SignedIn, signIn, useTestApp } from '../testing/test-app';
import { BoardMembersController, PlanReopenController } from './revisions.controller';

describe(`${BoardMembersController.name}, advice and ${PlanReopenController.name}`, () => {
  const env = useTestApp('change_lead');
  const { http } = env;
  let board: SignedIn[] = [];
  let admin: SignedIn;
  const as = (who: SignedIn) => () => request.agent(env.app.app.getHttpServer()).set(who.headers);

  beforeAll(async () => {
    board = [];
    for (let i = 0; i < 4; i++) board.push(await signIn(env.app, 'board_member', env.user.organisationId));
    admin = await signIn(env.app, 'admin', env.user.organisationId);
  });

  const submitted = () => submittedPlan(http);

  /** The admin as secretary; three of four seats; the first two board members chair and justera. */
  function decision(outcome: 'approved' | 'tabled') {
    const [chair, adjuster, third] = board;
    const seats = [chair, adjuster, third].map((m) => ({ memberId: m.userId }));
    return {
      meetingDate: '2027-02-10',
      // Typed without its sign: the minutes read "§ 4".
      paragraph: '4',
      seats,
      proposals: [{ kind: outcome === 'approved' ? 'bifall' : 'bordlaggning', by: chair.userId }],
      votes: seats.map((s) => ({ memberId: s.memberId, vote: 'ja' })),
      outcome,
      chairId: chair.userId,
      adjusterId: adjuster.userId,
    };
  }

  async function approve(id: string): Promise<void> {
    const recorded = await as(admin)().post(`/api/plans/${id}/revisions/1/decisions`).send(decision('approved')).expect(201);
    for (const who of board.slice(0, 2)) await as(who)().post(`/api/plans/${id}/decisions/${recorded.body.id}/justering`).expect(201);
  }

  it('lists the organisation’s board members, and only them, to every role', async () => {
    const members = (await http().get('/api/board-members').expect(200)).body as Array<{ id: string; displayName: string }>;
    expect(members.map((m) => m.id).sort()).toEqual(board.map((b) => b.userId).sort());
    expect(members.every((m) => m.displayName.length > 0)).toBe(true);
  });

  it('takes a board member’s advisory vote before the meeting, lets them change it, and shows it by name', async () => {
    const id = await submitted();
    const [first, second] = board;
    const given = await as(first)()
      .put(`/api/plans/${id}/revisions/1/advice`)
      .send({ position: 'nej', comment: 'Etapp 2 går för fort.' })
      .expect(200);
    expect(given.body).toMatchObject({ memberId: first.userId, position: 'nej', comment: 'Etapp 2 går för fort.' });
    await as(first)().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'ja' }).expect(200);
    await as(second)().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'avstar', comment: 'Jäv.' }).expect(200);
    const listed = (await http().get(`/api/plans/${id}/revisions/1/advice`).expect(200)).body as Array<Record<string, unknown>>;
    expect(listed).toHaveLength(2);
    expect(listed.find((a) => a.memberId === first.userId)).toMatchObject({ position: 'ja', comment: null });
    expect(listed.find((a) => a.memberId === second.userId)).toMatchObject({ position: 'avstar', comment: 'Jäv.' });
    // Only board members advise; the change lead and the admin are refused.
    await http().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'ja' }).expect(403);
    await as(admin)().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'ja' }).expect(403);
  });

  it('refuses bad advice on the field, and advice on a revision no longer before the board', async () => {
    const id = await submitted();
    const bad = await as(board[0])().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'kanske', extra: 1 }).expect(400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['extra', 'position']);
    await as(board[0])().put(`/api/plans/${id}/revisions/9/advice`).send({ position: 'ja' }).expect(404);
    // Tabled: still before the board, so advice is still welcome.
    await as(admin)().post(`/api/plans/${id}/revisions/1/decisions`).send(decision('tabled')).expect(201);
    await as(board[3])().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'ja' }).expect(200);
    await as(admin)().post(`/api/plans/${id}/revisions/1/decisions`).send(decision('approved')).expect(201);
    const late = await as(board[3])().put(`/api/plans/${id}/revisions/1/advice`).send({ position: 'nej' }).expect(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'n', code: 'not_before_board' })]);
    const draft = await importSubmittable(http);
    await as(board[3])().put(`/api/plans/${draft}/revisions/1/advice`).send({ position: 'ja' }).expect(404);
  });

  it('carries each revision’s latest decision and whether it is justerad', async () => {
    const id = await submitted();
    expect((await http().get(`/api/plans/${id}/revisions/1`).expect(200)).body.decision).toBeNull();
    const recorded = await as(admin)().post(`/api/plans/${id}/revisions/1/decisions`).send(decision('approved')).expect(201);
    const listed = (await http().get(`/api/plans/${id}/revisions`).expect(200)).body as Array<{ decision: unknown }>;
    expect(listed[0].decision).toEqual({ id: recorded.body.id, outcome: 'approved', justerad: false, meetingDate: '2027-02-10', paragraph: '§ 4' });
    for (const who of board.slice(0, 2)) await as(who)().post(`/api/plans/${id}/decisions/${recorded.body.id}/justering`).expect(201);
    expect((await http().get(`/api/plans/${id}/revisions/1`).expect(200)).body.decision).toMatchObject({ justerad: true });
  });

  it('reopens an approved plan as a new draft, whose changes the diff against the approved revision shows', async () => {
    const id = await submitted();
    const early = (await http().get(`/api/plans/${id}`).expect(200)).body as { version: number };
    const notYet = await http().post(`/api/plans/${id}/reopen`).send({ version: early.version }).expect(400);
    expect(notYet.body.errors).toEqual([expect.objectContaining({ field: 'version', code: 'not_approved' })]);
    await approve(id);
    const approved = (await http().get(`/api/plans/${id}`).expect(200)).body as { version: number; status: string };
    expect(approved.status).toBe('approved');
    await http()
      .post(`/api/plans/${id}/reopen`)
      .send({ version: approved.version - 1 })
      .expect(409);
    await as(board[0])().post(`/api/plans/${id}/reopen`).send({ version: approved.version }).expect(403);
    const reopened = await http().post(`/api/plans/${id}/reopen`).send({ version: approved.version }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'draft', version: approved.version + 1 });
    // The draft can be edited again; the approved revision stays and the diff shows the change.
    expect((await http().get(`/api/plans/${id}/revisions/1/diff?to=draft`).expect(200)).body.plan.fields).toEqual([]);
    await http().patch(`/api/plans/${id}`).send({ version: reopened.body.version, title: 'Tillit i socialtjänsten, reviderad' }).expect(200);
    const diff = (await http().get(`/api/plans/${id}/revisions/1/diff?to=draft`).expect(200)).body as { plan: { fields: Array<{ field: string }> } };
    expect(diff.plan.fields.map((f) => f.field)).toEqual(['title']);
    expect((await http().get(`/api/plans/${id}/revisions/1`).expect(200)).body.decision).toMatchObject({ outcome: 'approved', justerad: true });
    const audit = (await as(admin)().get('/api/audit?limit=200').expect(200)).body as Array<{ action: string; entityId: string }>;
    const actions = audit.filter((e) => e.entityId === id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.submit', 'decision.record', 'decision.justera', 'plan.reopen']));
  });
});
