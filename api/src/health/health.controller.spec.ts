import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../testing/test-app';
import { HealthController } from './health.controller';

describe(HealthController.name, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('answers 200 with the database up', async () => {
    const res = await request(app.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'up',
      databaseKind: process.env.TEST_DATABASE_URL ? 'server' : 'embedded',
    });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const dataSource = app.app.get(DataSource);
    const spy = jest.spyOn(dataSource, 'query').mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    const res = await request(app.app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'down' });
    spy.mockRestore();
  });

  it('documents every route at /api/docs-json', async () => {
    const res = await request(app.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/plans', '/api/plans/{id}']));
  });
});
