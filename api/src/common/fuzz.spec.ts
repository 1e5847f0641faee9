import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { aPlanRequest } from '../testing/builders';
import { EXAMPLE_KEYS } from '../testing/example-keys';
import { submission, submittedPlan } from '../testing/revisions';
import { hostileValue, JsonSchema, PROTOTYPE_KEYS, schemaArbitrary, setOwn } from '../testing/schema-arbitrary';
import { signIn, useTestApp } from '../testing/test-app';
import { OPENAPI_DOCUMENT_PATH } from './openapi-document';

/** Fixed, so that a failure replays; fast-check prints it (with the body) when a property fails. */
const SEED = 20_270_101;
const BODIES_PER_ROUTE = 300;

/** Words of a stack trace, SQL, the database or a library: never in an answer. */
const INTERNALS =
  /\n\s*at |\bat \S+ \(|node_modules|relation "|violates|constraint|syntax error|SyntaxError|Unexpected token|duplicate key|column "/i;

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
type Method = (typeof WRITE_METHODS)[number];
interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * Routes that end the session every other request uses: logging out, and switching organisation (which
 * ends this session for one in another organisation).
 */
const SESSION_ENDING = ['/api/auth/logout', '/api/auth/switch'];

/** Every write route but those that end the session. */
function writeRoutes(doc: OpenApiDocument): Array<[Method, string]> {
  return Object.entries(doc.paths).flatMap(([route, ops]) =>
    WRITE_METHODS.filter((method) => ops[method] && !SESSION_ENDING.includes(route)).map((method): [Method, string] => [method, route]),
  );
}

// The list of tests is known before the app is up, so it comes from the committed document; the first test
// checks that the running app serves the same routes, and every operation is then read from what it serves.
const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../..', OPENAPI_DOCUMENT_PATH), 'utf8')) as OpenApiDocument;
const ROUTES = writeRoutes(committed);

const KEYS = EXAMPLE_KEYS;

/** The rows of plan-wide lists, by their natural keys in the example plan (a right, a holding, a rating, a requirement). */
const ROW_KEYS: Record<string, Record<string, string>> = {
  baseline: { area: 'a-1-1' },
  holdings: { actor: 'fc', competence: 'c-arb' },
  clarity: { actor: 'htg-n', stage: 'etapp-1' },
  requirements: { area: 'a-1-7', competence: 'c-sol' },
};
const rowList = (segments: string[]) =>
  Object.keys(ROW_KEYS).find((list) => segments.includes(list) && segments[segments.indexOf(list) + 1]?.startsWith('{'));

const camel = (segment: string) => segment.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

/** One request of the fuzzer, drawn before it is sent (a valid-ish one is built from the plan as it is then). */
type Draw =
  | { kind: 'schema'; body: unknown; query: string | null; currentVersion: boolean }
  | { kind: 'mutate'; pick: number; op: 'replace' | 'tweak' | 'remove' | 'extraKey'; value: unknown; key: string; tweak: number }
  | { kind: 'json'; body: unknown }
  | { kind: 'raw'; text: string | Buffer; contentType: string };

const rawBodies = fc.oneof(
  fc.constantFrom<string | Buffer>(
    '',
    '{',
    '{"version":',
    'undefined',
    'NaN',
    "{'version':1}",
    '[1,]',
    '\ufeff{}',
    '{"a":1}{"b":2}',
    '1e999',
    '-',
    '"\\ud800"',
    '{"\\u0000":1}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"version":1,"version":"1"}',
    '{"version":1e400}',
    '[]',
    'null',
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
);

/** A query string for `?version=`: right, wrong, repeated, nested or not encodable. */
const queries = fc.oneof(
  fc.constant(null),
  hostileValue.map((value) => {
    try {
      return `version=${encodeURIComponent(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`;
    } catch {
      return 'version=%ED%A0%80';
    }
  }),
  fc.constantFrom(
    'version=1&version=2',
    'version[a]=1',
    'version[]=1',
    'version=%ff',
    'version',
    '__proto__[version]=1',
    'version=1e3',
    'version=0x10',
  ),
);

function drawArbitrary(schema: JsonSchema | undefined, doc: OpenApiDocument): fc.Arbitrary<Draw> {
  const resolve = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')];
  const body = schema ? schemaArbitrary(schema, { resolve, maxDepth: 4 }) : hostileValue;
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('schema' as const), body, query: queries, currentVersion: fc.boolean() }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('mutate' as const),
        pick: fc.nat(),
        op: fc.constantFrom('replace' as const, 'tweak' as const, 'tweak' as const, 'remove' as const, 'extraKey' as const),
        value: hostileValue,
        key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })),
        tweak: fc.nat(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), body: fc.jsonValue({ maxDepth: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: rawBodies, contentType: contentTypes }) },
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every place in a value (objects' keys and arrays' items, a few levels down), as paths. */
function placesIn(value: unknown, depth = 4, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (depth === 0 || typeof value !== 'object' || value === null) return here;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return here.concat(entries.flatMap(([key, v]) => placesIn(v, depth - 1, [...at, key])));
}

const DAY = 86_400_000;

/** A value of the same type, changed: near a bound, reordered, doubled, emptied, a date moved. */
function tweak(value: unknown, n: number): unknown {
  const pick = <T>(options: T[]): T => options[n % options.length];
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const shifted = (days: number) => new Date(Date.parse(value) + days * DAY).toISOString().slice(0, 10);
      return pick([shifted(-1), shifted(1), shifted(-400), shifted(4000), '1970-01-01', '2999-12-31']);
    }
    return pick(['', value + value, value.toUpperCase(), [...value].reverse().join(''), `${value}😀`, 'é'.repeat(201), `${value}-x`]);
  }
  if (typeof value === 'number') return pick([value + 1, value - 1, -value, 0, value * 1000, value + 0.5, 2 ** 31]);
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return pick([[], [...value, ...value], [...value].reverse(), value.slice(1), value.slice(0, 1)]);
  if (isObject(value)) {
    const keys = Object.keys(value);
    const { [keys[n % Math.max(1, keys.length)]]: _dropped, ...rest } = value;
    return pick([{}, rest]);
  }
  return 'x';
}

/** The valid-ish body with one place changed: a value replaced, a key removed or a key added. */
function mutate(seed: unknown, draw: Extract<Draw, { kind: 'mutate' }>): unknown {
  const copy = structuredClone(seed) as unknown;
  const places = placesIn(copy);
  const place = places[draw.pick % places.length];
  if (place.length === 0) {
    return draw.op === 'extraKey' && typeof copy === 'object' && copy !== null && !Array.isArray(copy)
      ? (setOwn(copy as Record<string, unknown>, draw.key, draw.value), copy)
      : draw.value;
  }
  const parent = place.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const last = place[place.length - 1];
  if (draw.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (draw.op === 'tweak') {
    parent[last] = tweak(parent[last], draw.tweak);
  } else if (draw.op === 'extraKey' && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) {
    setOwn(parent[last] as Record<string, unknown>, draw.key, draw.value);
  } else {
    parent[last] = draw.value;
  }
  return copy;
}

describe('fuzzing every write route', () => {
  const env = useTestApp('admin');
  let served: OpenApiDocument;
  let plan: { id: string };
  const sent: Record<string, number> = {};
  /** Answers by route and status, printed at the end: a route that only ever answers 400 is barely fuzzed. */
  const statuses: Record<string, Record<number, number>> = {};

  const http = () => request(env.app.app.getHttpServer());
  const auth = () => env.user.headers;
  const importPlan = async () => (await http().post('/api/plans/import').set(auth()).send(EXAMPLE_PLAN).expect(201)).body as { id: string };

  const submitted = async () => ({ id: await submittedPlan(() => request.agent(env.app.app.getHttpServer()).set(auth())) });

  beforeAll(async () => {
    // One listening server for every request (supertest would otherwise open one per request).
    await env.app.app.listen(0, '127.0.0.1');
    served = (await http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });

  afterAll(() => {
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    const lines = Object.entries(statuses).map(([route, counts]) => `${route}: ${JSON.stringify(counts)}`);
    console.log(`fuzzed ${Object.keys(sent).length} write routes with ${total} requests (seed ${SEED})\n${lines.join('\n')}`);
  });

  it('takes its routes from what the running app serves', () => {
    const sorted = (routes: Array<[Method, string]>) => routes.map((r) => r.join(' ')).sort();
    expect(sorted(writeRoutes(served))).toEqual(sorted(ROUTES));
  });

  it.each(ROUTES)('%s %s: no 5xx and no internals for generated bodies', async (method, route) => {
    const operation = served.paths[route][method] as Operation;
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    // Advice is a board member's, on a revision before the board: the plan is submitted first.
    const advice = route.endsWith('/advice');
    if (route.includes('{id}')) plan = advice ? await submitted() : await importPlan();
    const routeAuth = advice ? (await signIn(env.app, 'board_member', env.user.organisationId)).headers : auth();
    const segments = route.split('/');
    // Only its author edits a comment: the comment routes work on one the signed-in admin wrote.
    const ownComment = route === '/api/plans/{id}/comments/{key}';
    if (ownComment) {
      await http()
        .post(`/api/plans/${plan.id}/comments`)
        .set(auth())
        .send({ id: 'fuzz-own', stageId: 'etapp-1', text: 'Egen kommentar' })
        .expect(201);
    }
    const keyOf = () => (ownComment ? 'fuzz-own' : KEYS[segments[segments.indexOf('{key}') - 1]]);
    let member = await signIn(env.app, 'viewer', env.user.organisationId);
    let counter = 0;
    let restores = 0;
    /** A pending invitation of the admin's organisation, made anew for each body that uses up its link. */
    const inviteSomeone = async () =>
      (
        await http()
          .post('/api/invitations')
          .set(auth())
          .send({ email: `fuzz-invited-${++counter}-${randomUUID().slice(0, 8)}@test.tillit.se`, role: 'viewer' })
          .expect(201)
      ).body as { id: string; token: string };
    let invitation = route.includes('invitation') ? await inviteSomeone() : undefined;
    /** A reset link of the viewer's account, made anew for each body that uses it up. */
    const resetLink = async () => (await http().post(`/api/users/${member.userId}/password-reset`).set(auth()).expect(201)).body.token as string;
    let resetToken = route.startsWith('/api/auth/password-reset') ? await resetLink() : undefined;
    // The plan as imported: what valid-ish bodies are made of (only their versions are read afresh).
    let exported: Record<string, unknown> | undefined;

    const url = () =>
      route.replace(/\{(\w+)\}/g, (_m, name: string) => {
        if (name === 'id') return plan.id;
        if (name === 'key') return keyOf();
        if (name === 'userId') return member.userId;
        if (name === 'invitationId') return invitation?.id ?? '';
        if (name === 'n') return '1';
        if (name === 'decisionId') return '00000000-0000-4000-8000-000000000000';
        const list = rowList(segments);
        if (list && ROW_KEYS[list][name]) return ROW_KEYS[list][name];
        throw new Error(`No value for the path parameter ${name} of ${route}`);
      });

    const read = async (at: string) => {
      const res = await http().get(at).set(auth());
      return res.status === 200 ? (res.body as Record<string, unknown>) : undefined;
    };
    const onlySchemaFields = (body: Record<string, unknown>) => {
      const props = schema?.properties ?? (schema?.$ref ? served.components.schemas[schema.$ref.split('/').pop() as string].properties : undefined);
      return props ? Object.fromEntries(Object.entries(body).filter(([key]) => key in props)) : body;
    };

    /** A body the route would take as it is now, with the current version: the start of a mutation. */
    const validBody = async (): Promise<{ body: unknown; query: string | null; before?: Record<string, unknown> }> => {
      const target = url();
      if (route === '/api/auth/login') return { body: { email: member.email, password: member.password }, query: null };
      if (route === '/api/invitations') return { body: { email: `fuzz-${++counter}@test.tillit.se`, role: 'viewer' }, query: null };
      if (route === '/api/invitations/preview') return { body: { token: invitation?.token }, query: null };
      if (route === '/api/invitations/accept') {
        invitation = await inviteSomeone();
        return { body: { token: invitation.token, displayName: 'Fuzz', password: 'ett långt lösenord' }, query: null };
      }
      if (route === '/api/invitations/{invitationId}') return { body: undefined, query: null };
      if (route === '/api/auth/password')
        return { body: { currentPassword: env.user.password, newPassword: 'Bo byter etapper i Tillit' }, query: null };
      if (route === '/api/users/{userId}/password-reset') return { body: undefined, query: null };
      if (route === '/api/auth/password-reset/preview') return { body: { token: resetToken }, query: null };
      if (route === '/api/auth/password-reset') {
        resetToken = await resetLink();
        return { body: { token: resetToken, password: 'Ett nytt lösenord för fuzz' }, query: null };
      }
      if (route === '/api/users/{userId}') return { body: method === 'patch' ? { role: 'hr' } : undefined, query: null };
      if (route === '/api/plans') return { body: aPlanRequest(), query: null };
      if (route === '/api/plans/import') return { body: EXAMPLE_PLAN, query: null };
      if (advice) return { body: { position: 'nej', comment: 'Etapp 2 går för fort.' }, query: null };
      if (route === '/api/plans/{id}/reopen') return { body: { version: (await read(`/api/plans/${plan.id}`))?.version }, query: null };
      if (route === '/api/plans/{id}/revisions')
        return { body: await submission(() => request.agent(env.app.app.getHttpServer()).set(auth()), plan.id), query: null };
      if (method === 'delete') {
        const current = await read(target);
        return { body: undefined, query: current && typeof current.version === 'number' ? `version=${current.version}` : null, before: current };
      }
      const own = await read(target);
      if (own && method !== 'post') {
        const { id: _id, ...fields } = onlySchemaFields(own);
        return { body: fields, query: null };
      }
      if (method === 'post' && route.endsWith('/changes')) {
        return { body: { id: `fuzz-${++counter}`, type: 'set_level', decisionAreaId: 'sch-10-1', level: 6 }, query: null };
      }
      exported ??= (await read(`/api/plans/${plan.id}/export`)) ?? {};
      if (method === 'post') {
        const items = exported[camel(segments[segments.length - 1])] as Array<Record<string, unknown>> | undefined;
        return { body: onlySchemaFields({ ...(items?.[0] ?? {}), id: `fuzz-${++counter}` }), query: null };
      }
      const { version } = (await read(`/api/plans/${plan.id}`)) ?? {};
      const stageIds = (exported.stages as Array<{ id: string }> | undefined)?.map((s) => s.id);
      return { body: onlySchemaFields({ ...exported, plan: exported, stageIds, version }), query: null };
    };

    /** After a delete went through, the target is made again so that the next requests have one. */
    const restore = async (deleted: Record<string, unknown> | undefined) => {
      // A whole plan every tenth time (deleting one cascades through every table), else an empty one: faster.
      if (route === '/api/plans/{id}') {
        plan = ++restores % 10 === 0 ? await importPlan() : (await http().post('/api/plans').set(auth()).send(aPlanRequest()).expect(201)).body;
      } else if (route === '/api/users/{userId}') member = await signIn(env.app, 'viewer', env.user.organisationId);
      else if (route === '/api/invitations/{invitationId}') invitation = await inviteSomeone();
      else if (deleted && rowList(segments)) {
        // A row is made again by a PUT without a version; a requirement goes by its decision area's version,
        // which the delete moved on.
        const { version: _version, ...row } = deleted;
        const area = segments.includes('requirements') ? await read(`/api/plans/${plan.id}/decision-areas/${ROW_KEYS.requirements.area}`) : undefined;
        await http()
          .put(url())
          .set(auth())
          .send(area ? { ...row, version: area.version } : row)
          .expect(200);
      } else if (deleted) {
        // `own` is the answer's (a comment the caller wrote), no field of the entity.
        const { version: _version, own: _own, ...entity } = deleted;
        await http().post(route.replace('/{key}', '').replace('{id}', plan.id)).set(auth()).send(entity).expect(201);
      }
    };

    // An upload (multipart/form-data: an ordinance file, its mapping as JSON and the plan version) is fuzzed
    // through its parts: the mapping drawn, mutated or replaced, the file's bytes replaced by random ones.
    if (operation.requestBody?.content?.['multipart/form-data']) {
      const ordinance = fs.readFileSync(path.resolve(__dirname, '../../../libs/domain/src/ordinance/fixtures/socialnamnd-utf8-bom.csv'));
      const validMapping = { encoding: 'utf-8', separator: ';', headerRow: 4, stageName: 'Fuzz', rows: [{ line: 8, values: { delegate: 'EC' } }] };
      const send = async (file: Buffer | string, mapping: unknown, version?: unknown) => {
        const current = (await read(`/api/plans/${plan.id}`))?.version;
        let req = http()[method](url()).set(routeAuth).attach('file', Buffer.from(file), 'ordning.csv');
        if (mapping !== undefined) req = req.field('mapping', typeof mapping === 'string' ? mapping : (JSON.stringify(mapping) ?? 'null'));
        return req.field('version', String(version === undefined ? current : typeof version === 'string' ? version : JSON.stringify(version)));
      };
      const accepted = await send(ordinance, validMapping);
      expect(accepted.status < 300 ? 'accepted' : accepted.text).toBe('accepted');
      await fc.assert(
        fc.asyncProperty(drawArbitrary(undefined, served), async (draw) => {
          const res =
            draw.kind === 'raw'
              ? await send(draw.text, validMapping)
              : draw.kind === 'mutate'
                ? await send(ordinance, mutate(validMapping, draw))
                : await send(ordinance, draw.body, draw.kind === 'schema' && !draw.currentVersion ? draw.query : undefined);
          sent[`${method} ${route}`] = (sent[`${method} ${route}`] ?? 0) + 1;
          const counts = (statuses[`${method} ${route}`] ??= {});
          counts[res.status] = (counts[res.status] ?? 0) + 1;
          if (res.status >= 500 || INTERNALS.test(res.text ?? ''))
            throw new Error(`${method.toUpperCase()} ${route} answered ${res.status}: ${(res.text ?? '').slice(0, 600)}`);
        }),
        { seed: SEED, numRuns: BODIES_PER_ROUTE, endOnFailure: true },
      );
      expect(sent[`${method} ${route}`]).toBe(BODIES_PER_ROUTE);
      return;
    }

    // The valid-ish body unchanged goes through (a delete may be refused while the entity is in use), so
    // that one field mutated in it tests that field.
    const seed = await validBody();
    const seedAgent = http();
    const accepted = await seedAgent[method](seed.query ? `${url()}?${seed.query}` : url())
      .set(routeAuth)
      .send(seed.body as object);
    // The board's steps need a meeting (board members, a submitted plan, a recorded decision): their seed is
    // refused, as it should be on a draft plan (409, or 404 for a decision that does not exist; reopening
    // a draft is 400 not_approved), and the generated bodies still reach their validators.
    const boardStep = /\/(decisions|reopen)(\/|$)/.test(route);
    expect(
      accepted.status < 300 ||
        (method === 'delete' && accepted.body.errors?.[0]?.code === 'in_use') ||
        (boardStep && (accepted.status === 409 || accepted.status === 404 || accepted.body.errors?.[0]?.code === 'not_approved'))
        ? 'accepted'
        : accepted.text,
    ).toBe('accepted');
    if (method === 'delete' && accepted.status === 204) await restore(seed.before);

    await fc.assert(
      fc.asyncProperty(drawArbitrary(schema, served), async (draw) => {
        const target = url();
        const before = method === 'delete' && (segments.includes('{key}') || rowList(segments)) ? await read(target) : undefined;
        let body: unknown;
        let query: string | null = null;
        let text: string | Buffer | undefined;
        let contentType = 'application/json';
        if (draw.kind === 'raw') {
          text = draw.text;
          contentType = draw.contentType;
        } else {
          if (draw.kind === 'mutate') {
            const valid = await validBody();
            body = mutate(valid.body ?? {}, draw);
            query = valid.query;
          } else {
            body = draw.body;
            query = draw.kind === 'schema' ? draw.query : null;
            // Half the generated bodies carry the version the server holds, so that they get past the
            // version check to the validators and the database.
            if (draw.kind === 'schema' && draw.currentVersion && isObject(body) && 'version' in body) {
              const version = (await validBody()).body;
              if (isObject(version) && 'version' in version) body = { ...body, version: version.version };
            }
          }
          text = body === undefined ? undefined : JSON.stringify(body);
        }
        const agent = http();
        let req = agent[method](query ? `${target}?${query}` : target).set(routeAuth);
        if (text !== undefined) req = req.set('content-type', contentType).send(text);
        const res = await req;
        sent[`${method} ${route}`] = (sent[`${method} ${route}`] ?? 0) + 1;
        const counts = (statuses[`${method} ${route}`] ??= {});
        counts[res.status] = (counts[res.status] ?? 0) + 1;

        const answer = res.text ?? '';
        if (res.status >= 500 || INTERNALS.test(answer)) {
          throw new Error(`${method.toUpperCase()} ${target}${query ? `?${query}` : ''} answered ${res.status}: ${answer.slice(0, 600)}`);
        }
        if (method === 'delete' && res.status === 204) await restore(before);
      }),
      { seed: SEED, numRuns: BODIES_PER_ROUTE, endOnFailure: true },
    );
    expect(sent[`${method} ${route}`]).toBe(BODIES_PER_ROUTE);
  });
});
