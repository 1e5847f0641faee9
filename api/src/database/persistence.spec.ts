import request from 'supertest';
import { createApp } from '../app.factory';
import { createTestDatabase, signIn, testConfig } from '../testing/test-app';

describe('Persistence across restarts', () => {
  it('keeps saved plans when the app is stopped and started again on the same database', async () => {
    const database = await createTestDatabase();
    const config = testConfig(database.config);
    try {
      const first = await createApp(config);
      const as = await signIn({ ...first, config, dispose: first.close }, 'change_lead');
      const created = await request(first.app.getHttpServer()).post('/api/plans').set(as.headers).send({ title: 'Sparad' }).expect(201);
      await first.close();

      const second = await createApp(config);
      try {
        const res = await request(second.app.getHttpServer()).get(`/api/plans/${created.body.id}`).set(as.headers).expect(200);
        expect(res.body.title).toBe('Sparad');
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});
