import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { ROLES } from '@tillit/contract';
import { signIn, useTestApp } from '../testing/test-app';
import { allows, Permission } from './permissions';

type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };
/** Routes anyone may call: an invitation or reset link's holder has no session yet. */
const PUBLIC = new Set([
  '/api/health',
  '/api/auth/login',
  '/api/invitations/preview',
  '/api/invitations/accept',
  '/api/auth/password-reset/preview',
  '/api/auth/password-reset',
]);

/** Every route in the OpenAPI document, with its method, and a plan's ids filled in. */
async function routes(http: () => ReturnType<typeof request.agent>, planId: string) {
  const doc = (await http().get('/api/docs-json').expect(200)).body as Doc;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      /** The permission the route needs, as its documented 403 answer names it. */
      permission: /lacks (\S+)$/.exec(op.responses?.['403']?.description ?? '')?.[1] as Permission | undefined,
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

  it('refuses each role exactly the routes its permissions do not allow', async () => {
    // An id that names no plan: a permitted role gets 400 or 404 and nothing is changed; a refused one 403.
    const all = await routes(env.http, '0d4c6a3e-8f1b-4c2a-9e7d-5b6a7c8d9e0f');
    expect(all.filter((r) => !PUBLIC.has(r.path) && !r.path.startsWith('/api/auth/') && !r.permission).map((r) => r.path)).toEqual([]);
    for (const role of ROLES) {
      const user = await signIn(env.app, role, env.user.organisationId);
      const as = () => request.agent(env.app.app.getHttpServer()).set(user.headers) as unknown as Record<string, (u: string) => request.Test>;
      for (const route of all) {
        if (!route.permission) continue;
        const res = await as()[route.method](route.url).send({});
        const refused = res.status === 403;
        expect({ role, route: `${route.method} ${route.path}`, refused }).toEqual({
          role,
          route: `${route.method} ${route.path}`,
          refused: !allows(route.permission, role),
        });
      }
    }
  });

  it('refuses every write to a viewer of the same organisation with 403, and changes nothing', async () => {
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    const asViewer = () => request.agent(env.app.app.getHttpServer()).set(viewer.headers);
    const before = (await env.http().get(`/api/plans/${planId}/export`).expect(200)).body;
    for (const route of await routes(env.http, planId)) {
      if (route.method === 'get' || route.path.startsWith('/api/auth/') || PUBLIC.has(route.path)) continue;
      const res = await (asViewer() as unknown as Record<string, (u: string) => request.Test>)[route.method](route.url).send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
    }
    expect((await env.http().get(`/api/plans/${planId}/export`).expect(200)).body).toEqual(before);
  });
});
