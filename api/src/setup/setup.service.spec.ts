import request from 'supertest';
import { createApp } from '../app.factory';
import { createTestDatabase, testConfig } from '../testing/test-app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { DEMO_CONDITION, DEMO_DECIDED_PLAN_TITLE } from './demo-life-cycle';
import { SetupService } from './setup.service';

interface Login {
  token: string;
  userId: string;
}

async function logIn(http: () => ReturnType<typeof request>, local: string): Promise<Login> {
  const res = await http()
    .post('/api/auth/login')
    .send({ email: `${local}@demo.tillit.se`, password: DEMO_PASSWORD })
    .expect(200);
  return { token: res.body.token as string, userId: res.body.user.id as string };
}

describe(SetupService.name, () => {
  it('creates the demo organisation, a user per role and the example plan on the first start, once', async () => {
    const database = await createTestDatabase();
    const config = testConfig({ ...database.config, demo: true });
    try {
      for (let start = 0; start < 2; start++) {
        const running = await createApp(config);
        try {
          const http = () => request(running.app.getHttpServer());
          // Every account on the first start, one on the second.
          const accounts = start === 0 ? DEMO_ACCOUNTS : DEMO_ACCOUNTS.slice(1, 2);
          const tokens = new Map<string, string>();
          for (const account of accounts) {
            const login = await http().post('/api/auth/login').send({ email: account.email, password: DEMO_PASSWORD }).expect(200);
            expect(login.body.organisation.role).toBe(account.role);
            tokens.set(account.role, login.body.token);
          }
          const plans = (
            await http()
              .get('/api/plans')
              .set('authorization', `Bearer ${tokens.get('change_lead')}`)
              .expect(200)
          ).body;
          // Both were created in one transaction, so in no particular order.
          expect(plans.map((p: { title: string }) => p.title).sort()).toEqual(
            [DEMO_DECIDED_PLAN_TITLE, 'Tillitsresan i socialtjänsten 2027–2028'].sort(),
          );
        } finally {
          await running.close();
        }
      }
    } finally {
      await database.drop();
    }
  });

  it('takes the second demo plan through submission, a decision with one condition, justering and a new draft, once', async () => {
    const database = await createTestDatabase();
    const config = testConfig({ ...database.config, demo: true });
    const seen: Array<{ revisions: number; decisions: number }> = [];
    try {
      for (let start = 0; start < 2; start++) {
        const running = await createApp(config);
        try {
          const http = () => request(running.app.getHttpServer());
          const [lead, admin, stina, bengt] = await Promise.all(['forandringsledare', 'admin', 'styrelse', 'ledamot1'].map((u) => logIn(http, u)));
          const as = (who: Login) => (path: string) => http().get(path).set('authorization', `Bearer ${who.token}`);
          const plans = (await as(lead)('/api/plans').expect(200)).body as Array<{ id: string; title: string; status: string }>;
          const plan = plans.find((p) => p.title === DEMO_DECIDED_PLAN_TITLE);
          expect(plan?.status).toBe('draft');
          const id = plan?.id ?? '';

          const revisions = (await as(lead)(`/api/plans/${id}/revisions`).expect(200)).body as Array<Record<string, unknown>>;
          expect(revisions).toEqual([expect.objectContaining({ number: 1, submittedBy: expect.objectContaining({ id: lead.userId }) })]);
          expect(revisions[0].decision).toMatchObject({ outcome: 'approved_with_conditions', justerad: true });
          const decisions = (await as(lead)(`/api/plans/${id}/revisions/1/decisions`).expect(200)).body as Array<Record<string, unknown>>;
          expect(decisions).toEqual([
            expect.objectContaining({
              outcome: 'approved_with_conditions',
              conditions: DEMO_CONDITION,
              tally: { ja: 4, nej: 1, avstar: 0 },
              boardSize: 5,
              justerad: true,
            }),
          ]);
          const utdrag = await as(lead)(`/api/plans/${id}/decisions/${String(decisions[0].id)}/protokollsutdrag.pdf`);
          expect(utdrag.status).toBe(200);

          // The new draft differs from the decided revision in what the change lead edited.
          const diff = (await as(lead)(`/api/plans/${id}/revisions/1/diff?to=draft`).expect(200)).body;
          expect(diff.plan.stages.changed).toEqual([
            expect.objectContaining({ key: 'etapp-3', fields: [expect.objectContaining({ field: 'gateCriteria' })] }),
          ]);
          expect(diff.plan.actors.changed).toEqual([expect.objectContaining({ key: 'bhl', fields: [{ field: 'headcount', before: 8, after: 10 }] })]);

          // Each step by the demo user whose role does it.
          const audit = (await as(admin)('/api/audit?limit=500').expect(200)).body as Array<{
            action: string;
            entityId: string;
            userId: string;
            client: string | null;
          }>;
          const steps = audit
            .filter((e) => e.client === 'demo-setup')
            .reverse()
            .map((e) => [e.action, e.userId, e.entityId]);
          expect(steps).toEqual([
            ['plan.submit', lead.userId, id],
            ['decision.record', admin.userId, id],
            ['decision.justera', stina.userId, id],
            ['decision.justera', bengt.userId, id],
            ['plan.reopen', lead.userId, id],
            ['stages.update', lead.userId, 'etapp-3'],
            ['actors.update', lead.userId, 'bhl'],
          ]);
          seen.push({ revisions: revisions.length, decisions: decisions.length });
        } finally {
          await running.close();
        }
      }
    } finally {
      await database.drop();
    }
    // The second start found the same, one revision and one decision: the audit steps above, once.
    expect(seen).toEqual([
      { revisions: 1, decisions: 1 },
      { revisions: 1, decisions: 1 },
    ]);
  });

  it('creates the administrator named by TILLIT_ADMIN_EMAIL and TILLIT_ADMIN_PASSWORD', async () => {
    const database = await createTestDatabase();
    const admin = { email: 'chef@kommun.se', password: 'ett mycket långt lösenord', organisation: 'Testkommunen' };
    const running = await createApp(testConfig({ ...database.config, demo: false, admin }));
    try {
      const login = await request(running.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: admin.email, password: admin.password })
        .expect(200);
      expect(login.body.organisation).toMatchObject({ organisationName: 'Testkommunen', role: 'admin' });
    } finally {
      await running.close();
      await database.drop();
    }
  });
});
