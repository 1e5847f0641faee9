import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { asOwner } from '../testing/database-roles';
import { pdfAIdentification, pdfFonts } from '../testing/pdf';
import { binaryBody, submission, submittedPlan } from '../testing/revisions';
import { SignedIn, signIn, useTestApp } from '../testing/test-app';
import { DecisionsController } from './revisions.controller';

describe(DecisionsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;
  let board: SignedIn[] = [];
  const as = (who: SignedIn) => () => request.agent(env.app.app.getHttpServer()).set(who.headers);

  beforeAll(async () => {
    board = [];
    for (let i = 0; i < 5; i++) board.push(await signIn(env.app, 'board_member', env.user.organisationId));
  });

  const submitted = () => submittedPlan(http);

  /** A meeting of four seats (one an ersättare) approving with a condition: 3 ja, 1 nej who reserves herself. */
  const approval = () => {
    const [secretary, chair, adjuster, fourth, absent] = board;
    return {
      meetingDate: '2027-01-20',
      paragraph: '§ 12',
      seats: [
        { memberId: secretary.userId },
        { memberId: chair.userId },
        { memberId: adjuster.userId },
        { memberId: absent.userId, substitute: 'Eva Ersättare' },
      ],
      proposals: [
        { kind: 'bifall', by: chair.userId },
        { kind: 'andring', by: adjuster.userId, text: 'Etapp 3 följs upp efter sex månader.' },
        { kind: 'avslag', by: absent.userId },
      ],
      votes: [
        { memberId: secretary.userId, vote: 'ja' },
        { memberId: chair.userId, vote: 'ja' },
        { memberId: adjuster.userId, vote: 'ja' },
        { memberId: absent.userId, vote: 'nej', comment: 'För snabbt.' },
      ],
      reservations: [{ memberId: absent.userId, motivation: 'Kompetensen hinner inte byggas upp före etapp 2.' }],
      notes: [{ memberId: chair.userId, text: 'Nämnden vill ha en muntlig rapport i juni.' }],
      outcome: 'approved_with_conditions',
      conditions: 'Etapp 3 följs upp efter sex månader.',
      chairId: chair.userId,
      adjusterId: adjuster.userId,
      unused: fourth.userId,
    };
  };
  const body = () => {
    const { unused: _unused, ...rest } = approval();
    return rest;
  };

  it('records a decision as minuted, which stands only once the chair and the justerare have justerat', async () => {
    const id = await submitted();
    const [secretary, chair, adjuster] = board;
    const recorded = await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(body()).expect(201);
    expect(recorded.body).toMatchObject({
      revision: 1,
      outcome: 'approved_with_conditions',
      boardSize: 5,
      tally: { ja: 3, nej: 1, avstar: 0 },
      justerad: false,
    });
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('submitted');
    const decision = recorded.body.id as string;
    await http().get(`/api/plans/${id}/decisions/${decision}/protokollsutdrag.pdf`).expect(400);
    await as(secretary)().post(`/api/plans/${id}/decisions/${decision}/justering`).expect(403);
    const first = await as(chair)().post(`/api/plans/${id}/decisions/${decision}/justering`).expect(201);
    expect(first.body.justerad).toBe(false);
    await as(chair)().post(`/api/plans/${id}/decisions/${decision}/justering`).expect(400);
    const second = await as(adjuster)().post(`/api/plans/${id}/decisions/${decision}/justering`).expect(201);
    expect(second.body.justerad).toBe(true);
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('approved');
    const pdf = await http().get(`/api/plans/${id}/decisions/${decision}/protokollsutdrag.pdf`).buffer(true).parse(binaryBody).expect(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-utdrag-')), 'utdrag.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    expect(pdfAIdentification(file)).toEqual({ part: 2, conformance: 'A' });
    expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [
      'Protokollsutdrag',
      '§ 12',
      'Eva Ersättare, ersättare för Test board_member',
      'Ja 3, nej 1, avstår 0',
      'Nämnden godkänner planen med villkor: Etapp 3 följs upp efter sex månader.',
      'reserverar sig: Kompetensen hinner inte byggas upp före etapp 2.',
      'Justerat av Test board_member, ordförande',
    ]) {
      expect(text).toContain(words);
    }
    const listed = (await http().get(`/api/plans/${id}/revisions/1/decisions`).expect(200)).body as Array<{ justerad: boolean }>;
    expect(listed.map((d) => d.justerad)).toEqual([true]);
    // Approved: frozen, and no second decision.
    const actor = (await http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body as { version: number };
    expect((await http().patch(`/api/plans/${id}/actors/bhl`).send({ version: actor.version, headcount: 2 }).expect(409)).body.code).toBe(
      'plan_frozen',
    );
    await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(body()).expect(409);
    await asOwner(env.app.app.get(DataSource), (db) =>
      expect(db.query(`UPDATE board_decision SET outcome = 'tabled' WHERE plan_id = $1`, [id])).rejects.toThrow(/immutable/),
    );
  });

  it('refuses a meeting without quorum, and proceedings that break the rules, naming each', async () => {
    const id = await submitted();
    const [secretary, chair, adjuster] = board;
    const noQuorum = {
      ...body(),
      seats: [{ memberId: chair.userId }, { memberId: adjuster.userId }],
      votes: [
        { memberId: chair.userId, vote: 'ja' },
        { memberId: adjuster.userId, vote: 'ja' },
      ],
      reservations: [],
      notes: [],
      proposals: [
        { kind: 'bifall', by: chair.userId },
        { kind: 'andring', by: adjuster.userId, text: 'x' },
      ],
    };
    const quorum = await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(noQuorum).expect(400);
    expect(quorum.body.errors).toEqual([expect.objectContaining({ field: 'seats', code: 'no_quorum', params: { present: 2, members: 5 } })]);

    const broken = {
      ...body(),
      proposals: [...body().proposals, { kind: 'aterremiss', by: chair.userId }],
      reservations: [{ memberId: chair.userId, motivation: 'Jag ångrar mig.' }],
      chairId: secretary.userId,
    };
    const res = await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(broken).expect(400);
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['formal_motion_first', 'invalid', 'reservation_without_nej']);
    expect((await http().get(`/api/plans/${id}/revisions/1/decisions`).expect(200)).body).toEqual([]);
  });

  it('lets no one record the decision on a plan they submitted themselves', async () => {
    const admin = await signIn(env.app, 'admin', env.user.organisationId);
    const id = await submittedPlan(as(admin));
    await as(admin)().post(`/api/plans/${id}/revisions/1/decisions`).send(body()).expect(403);
    await http().post(`/api/plans/${id}/revisions/1/decisions`).send(body()).expect(403);
  });

  it('sends a returned plan back to draft once justerad, to be edited and submitted again', async () => {
    const id = await submitted();
    const [secretary, chair, adjuster] = board;
    const returned = {
      ...body(),
      proposals: [{ kind: 'aterremiss', by: chair.userId }],
      votes: body().votes.map((v) => ({ ...v, vote: 'ja' })),
      reservations: [],
      outcome: 'returned',
      conditions: undefined,
      returnReason: 'Konsekvenserna för medborgarna behöver beskrivas.',
      returnTo: 'Socialförvaltningen',
    };
    const recorded = await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(returned).expect(201);
    await as(chair)().post(`/api/plans/${id}/decisions/${recorded.body.id}/justering`).expect(201);
    await as(adjuster)().post(`/api/plans/${id}/decisions/${recorded.body.id}/justering`).expect(201);
    expect((await http().get(`/api/plans/${id}`).expect(200)).body.status).toBe('draft');
    const actor = (await http().get(`/api/plans/${id}/actors/bhl`).expect(200)).body as { version: number };
    await http().patch(`/api/plans/${id}/actors/bhl`).send({ version: actor.version, headcount: 9 }).expect(200);
    const again = await http()
      .post(`/api/plans/${id}/revisions`)
      .send(await submission(http, id))
      .expect(201);
    expect(again.body.number).toBe(2);
    await as(secretary)().post(`/api/plans/${id}/revisions/1/decisions`).send(body()).expect(400);
  });
});
