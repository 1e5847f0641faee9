import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { signIn, useTestApp } from '../testing/test-app';

type Doc = { paths: Record<string, Record<string, unknown>> };
const PUBLIC = new Set(['/api/health', '/api/auth/login']);

/** Every route in the OpenAPI document, with its method, and a plan's ids filled in. */
async function routes(http: () => ReturnType<typeof request.agent>, planId: string) {
  const doc = (await http().get('/api/docs-json').expect(200)).body as Doc;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method,
      path,
      url:
        path.replace('{id}', planId).replace('{index}', '0').replace('{key}', 'bhl') +
        (path.endsWith('/diff') ? '?from=0&to=1' : method === 'delete' && path.includes('{key}') ? '?version=1' : ''),
    })),
  );
}

describe('the guard on every route', () => {
  const env = useTestApp('change_lead');
  let planId: string;

  beforeAll(async () => {
    planId = (await env.http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('answers 401 on every route but the public ones without a session', async () => {
    const anonymous = () => request.agent(env.app.app.getHttpServer());
    for (const route of await routes(env.http, planId)) {
      if (PUBLIC.has(route.path)) continue;
      const res = await (anonymous() as unknown as Record<string, (u: string) => request.Test>)[route.method](route.url).send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('refuses every write to a viewer of the same organisation with 403, and changes nothing', async () => {
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    const asViewer = () => request.agent(env.app.app.getHttpServer()).set(viewer.headers);
    const before = (await env.http().get(`/api/plans/${planId}/export`).expect(200)).body;
    for (const route of await routes(env.http, planId)) {
      if (route.method === 'get' || route.path.startsWith('/api/auth/')) continue;
      const res = await (asViewer() as unknown as Record<string, (u: string) => request.Test>)[route.method](route.url).send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
    }
    expect((await env.http().get(`/api/plans/${planId}/export`).expect(200)).body).toEqual(before);
  });
});
