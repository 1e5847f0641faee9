import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { useTestApp } from '../testing/test-app';
import { AppExceptionFilter } from './app-exception.filter';
import { jsonDepth, MAX_JSON_DEPTH } from './body-limits';

/** Nothing of the server's insides in an answer: no stack, no SQL, no library or database words. */
function expectClean(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(
    /\bat \S+ \(|node_modules|relation "|violates|constraint|SyntaxError|Unexpected token|unsupported charset "|JSON at position/i,
  );
}

describe(AppExceptionFilter.name, () => {
  const env = useTestApp('change_lead');
  let planId: string;

  beforeAll(async () => {
    planId = (await env.http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'answers a PATCH with a field named %s with 400 unknown_field',
    async (key) => {
      const res = await env
        .http()
        .patch(`/api/plans/${planId}/actors/bhl`)
        .set('content-type', 'application/json')
        .send(`{"version": 1, "${key}": 1}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: key, code: 'unknown_field' })]);
      expectClean(res.body);
    },
  );

  it('answers a body in an unsupported charset with 415', async () => {
    const res = await env
      .http()
      .post('/api/plans')
      .set('content-type', 'application/json; charset=latin1')
      .send(Buffer.from('{"title":"Åtgärd"}', 'latin1'));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expectClean(res.body);
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await env.http().post('/api/plans').set('content-type', 'text/plain').send('title=Plan');
    expect(res.status).toBe(415);
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await env
      .http()
      .post('/api/plans')
      .set('content-type', 'application/json')
      .send(`{"title":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('reads no more of a body than its route needs: 16 kB to sign in, 5 MB for one entity, 20 MB for a plan', async () => {
    const big = (bytes: number) => `{"title":"${'x'.repeat(bytes)}"}`;
    const login = await env
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(big(17 * 1024));
    expect(login.status).toBe(413);
    expect(login.body.message).toContain('16 kB');
    const plan = await env
      .http()
      .post('/api/plans')
      .set('content-type', 'application/json')
      .send(big(6 * 1024 * 1024));
    expect(plan.status).toBe(413);
    expect(plan.body.message).toContain('5 MB');
    // Under its route's limit a body is read and judged on its content: a 6 MB plan document is too big
    // for no rule but its own (here, not a valid plan: 400).
    const whole = await env
      .http()
      .post('/api/plans/import')
      .set('content-type', 'application/json')
      .send(big(6 * 1024 * 1024));
    expect(whole.status).toBe(400);
  });

  it('answers JSON nested 10,000 deep with 400 too_deep, before anything parses it', async () => {
    const res = await env
      .http()
      .post('/api/plans/import')
      .set('content-type', 'application/json')
      .send(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'too_deep' })]);
  });

  it('answers malformed JSON with 400 invalid_json in its own words', async () => {
    const res = await env.http().post('/api/plans').set('content-type', 'application/json').send('{"title": "Plan",}');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'invalid_json' })]);
    expectClean(res.body);
  });

  it.each([
    ['/api/auth/login', '{"email": "\\ud800@x.se", "password": "ett långt lösenord"}', 'email', 'invalid_unicode'],
    ['/api/plans', '{"title": "Plan \\udc00"}', 'title', 'invalid_unicode'],
    ['/api/plans', '{"title": "Plan \\u0000"}', 'title', 'invalid_character'],
  ])('answers %s with %s with 400 naming the field', async (url, body, field, code) => {
    const res = await request(env.app.app.getHttpServer()).post(url).set(env.user.headers).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('answers a value the database refuses without the database’s words', async () => {
    const res = await env
      .http()
      .patch(`/api/plans/${planId}/actors/bhl`)
      .send({ version: 1, headcount: 2 ** 40 });
    expect(res.status).toBeLessThan(500);
    expectClean(res.body);
  });

  it('measures depth outside strings only', () => {
    expect(jsonDepth(Buffer.from('{"a": "[[[[", "b": [[1]]}'))).toBe(3);
    expect(jsonDepth(Buffer.from('"\\"[["'))).toBe(0);
    expect(jsonDepth(Buffer.from('['.repeat(MAX_JSON_DEPTH + 10)), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });
});
