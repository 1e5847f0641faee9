import request from 'supertest';
import { createApp } from '../app.factory';
import { createTestDatabase, testConfig } from '../testing/test-app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { SetupService } from './setup.service';

describe(SetupService.name, () => {
  it('creates the demo organisation, a user per role and the example plan on the first start, once', async () => {
    const database = await createTestDatabase();
    // Every demo account logs in on the first start: more than the 10 a minute one client may try.
    const config = testConfig({ ...database.config, demo: true, loginAttemptsPerMinute: 100 });
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
          expect(plans.map((p: { title: string }) => p.title)).toEqual(['Tillitsresan i socialtjänsten 2027–2028']);
        } finally {
          await running.close();
        }
      }
    } finally {
      await database.drop();
    }
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
