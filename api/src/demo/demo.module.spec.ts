import request from 'supertest';
import { createApp } from '../app.factory';
import { createTestDatabase, testConfig } from '../testing/test-app';
import { DemoModule } from './demo.module';

describe(DemoModule.name, () => {
  it('loads the example plan on the first start, once', async () => {
    const database = await createTestDatabase();
    const config = testConfig({ ...database.config, demo: true });
    try {
      for (let start = 0; start < 2; start++) {
        const running = await createApp(config);
        try {
          const plans = (await request(running.app.getHttpServer()).get('/api/plans').expect(200)).body;
          expect(plans.map((p: { title: string }) => p.title)).toEqual(['Tillitsresan i socialtjänsten 2027–2028']);
        } finally {
          await running.close();
        }
      }
    } finally {
      await database.drop();
    }
  });

  it('stays off when switched off', async () => {
    const database = await createTestDatabase();
    const running = await createApp(testConfig({ ...database.config, demo: false }));
    try {
      expect((await request(running.app.getHttpServer()).get('/api/plans').expect(200)).body).toEqual([]);
    } finally {
      await running.close();
      await database.drop();
    }
  });
});
