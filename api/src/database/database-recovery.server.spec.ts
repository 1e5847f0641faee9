import request from 'supertest';
import { createApp, RunningApp } from '../app.factory';
import { signIn, testConfig } from '../testing/test-app';
import { ThrowawayCluster } from '../testing/throwaway-cluster';

async function eventually(check: () => Promise<boolean>, timeoutMs = 20000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('Database server restart', () => {
  let cluster: ThrowawayCluster;
  let running: RunningApp;
  let headers: { authorization: string };
  const http = () => request.agent(running.app.getHttpServer()).set(headers);

  beforeAll(async () => {
    cluster = await ThrowawayCluster.create();
    const config = testConfig({ databaseUrl: cluster.url });
    running = await createApp(config);
    headers = (await signIn({ ...running, config, dispose: running.close }, 'change_lead')).headers;
  });

  afterAll(async () => {
    await running?.close();
    cluster?.destroy();
  });

  it('answers 503 while PostgreSQL is down and serves again once it is back, without a restart', async () => {
    const created = await http().post('/api/plans').send({ title: 'Överlever omstart' }).expect(201);
    await http().get('/api/health').expect(200);

    cluster.stop();
    const down = await http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ database: 'down', databaseKind: 'server' });
    const list = await http().get('/api/plans');
    expect(list.status).toBe(503);
    expect(list.body.code).toBe('database_unavailable');

    cluster.start();
    const recovered = await eventually(async () => (await http().get('/api/health')).status === 200);
    expect(recovered).toBe(true);
    const plan = await http().get(`/api/plans/${created.body.id}`).expect(200);
    expect(plan.body.title).toBe('Överlever omstart');
  });
});
