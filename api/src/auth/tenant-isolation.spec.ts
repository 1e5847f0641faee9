import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { createTestApp, signIn, SignedIn, TestApp } from '../testing/test-app';

/** A valid body for each write method, so that a refusal can only come from the id. */
const BODIES: Record<string, object | undefined> = {
  patch: { version: 1, title: 'Kapad' },
  post: { id: 'kapad', name: 'Kapad', kind: 'team', category: 'domain', code: '9.9', title: 'Kapad', section: 'X' },
  put: { version: 1, plan: { formatVersion: 1, title: 'Kapad' } },
};

/** No user ever reads or changes another organisation's data. */
describe('tenant isolation', () => {
  let app: TestApp;
  let alice: SignedIn;
  let mallory: SignedIn;
  /** A board member of mallory's organisation: advice is theirs alone to give. */
  let malloryBoard: SignedIn;
  let planId: string;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    alice = await signIn(app, 'change_lead');
    mallory = await signIn(app, 'admin');
    malloryBoard = await signIn(app, 'board_member', mallory.organisationId);
    planId = (await http().post('/api/plans/import').set(alice.headers).send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('does not list another organisation’s plans', async () => {
    const res = await http().get('/api/plans').set(mallory.headers).expect(200);
    expect(res.body).toEqual([]);
  });

  it('does not show another organisation’s audit log', async () => {
    const res = await http().get('/api/audit').set(mallory.headers).expect(200);
    expect(res.body.every((e: { userId: string | null }) => e.userId === mallory.userId || e.userId === null)).toBe(true);
    expect(res.body.some((e: { entityId: string }) => e.entityId === planId)).toBe(false);
  });

  it('answers no route in the OpenAPI document with 2xx for another organisation’s ids', async () => {
    const doc = (await http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const withIds = Object.entries(doc.paths).filter(([path]) => path.includes('{id}'));
    expect(withIds.length).toBeGreaterThanOrEqual(5);
    for (const [path, methods] of withIds) {
      for (const method of Object.keys(methods)) {
        // Every delete of one thing names the version it read.
        const query = path.endsWith('/diff') ? '?from=0&to=1' : method === 'delete' && /\{(?!id\})\w+\}/.test(path) ? '?version=1' : '';
        const url =
          path
            .replace('{id}', planId)
            .replace('{index}', '0')
            .replace('{n}', '1')
            .replace('{decisionId}', '00000000-0000-4000-8000-000000000000')
            .replace(/\{(key|area|actor|competence|stage)\}/g, 'bhl') + query;
        const agent = http() as unknown as Record<string, (u: string) => request.Test>;
        const who = path.endsWith('/advice') && method === 'put' ? malloryBoard : mallory;
        const res = await agent[method](url).set(who.headers).send(BODIES[method]);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
    }
    // and the plan is untouched
    const mine = await http().get(`/api/plans/${planId}`).set(alice.headers).expect(200);
    expect(mine.body.version).toBe(1);
  });
});
