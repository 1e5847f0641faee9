import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createTestApp, signIn, TestApp } from '../testing/test-app';
import { securityHeaders } from './security-headers';

describe(securityHeaders.name, () => {
  let app: TestApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-web-'));
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    // As behind a reverse proxy on the same machine that terminates TLS.
    app = await createTestApp({ webDir, trustProxy: 'loopback' });
  });
  afterAll(async () => {
    await app.dispose();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('gives the web app a strict policy: nothing inline, nothing from elsewhere, never framed', async () => {
    const res = await http().get('/plans/some-client-route').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never lets an API answer be cached, authenticated or not, error or not', async () => {
    const user = await signIn(app, 'viewer');
    for (const res of [
      await http().get('/api/plans').set(user.headers).expect(200),
      await http().get('/api/health').expect(200),
      await http().get('/api/plans').expect(401),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends HSTS only over HTTPS (here: as the trusted proxy says)', async () => {
    expect((await http().get('/api/health').expect(200)).headers['strict-transport-security']).toBeUndefined();
    const secure = await http().get('/api/health').set('x-forwarded-proto', 'https').expect(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('lets the API documentation page keep its inline styles, and nothing more', async () => {
    const res = await http().get('/api/docs/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
