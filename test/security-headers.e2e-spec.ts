import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { entryAssets } from './support/web-assets';

/**
 * Every response says how a browser may treat it (issue 11, item 15): never sniffed into HTML,
 * never framed, personal data never stored, pages allowed no script but their own.
 */
describe('security headers', () => {
  let t: TestApp;
  let admin: string;
  let resident: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);
  });
  afterAll(() => t.close());

  const NON_PAGE =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  const expectBase = (headers: Record<string, string>) =>
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });

  /** The directives of a policy, by name. */
  const directives = (policy: string | undefined) =>
    Object.fromEntries(
      (policy ?? '').split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );

  it('an authenticated API reply: not sniffed, not framed, not stored', async () => {
    const response = await t.http().get('/api/me').set('Authorization', `Bearer ${resident}`);
    expect(response.status).toBe(200);
    expectBase(response.headers);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toBe(NON_PAGE);
  });

  it('refusals carry the same headers (401, 404, 400)', async () => {
    for (const response of [
      await t.http().get('/api/me'),
      await t.http().get('/api/nowhere').set('Authorization', `Bearer ${admin}`),
      await t.http().get('/api/households/not-a-uuid').set('Authorization', `Bearer ${admin}`),
    ]) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectBase(response.headers);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBe(NON_PAGE);
    }
  });

  it('a route that sets its own caching keeps it', async () => {
    const revocations = await t
      .http()
      .get('/api/permits/revocations')
      .set('Authorization', `Bearer ${admin}`);
    expect(revocations.status).toBe(200);
    expect(revocations.headers['cache-control']).toBe('private, no-cache');
    expectBase(revocations.headers);
    const jwks = await t.http().get('/.well-known/jwks.json');
    expect(jwks.headers['cache-control']).toBe('public, max-age=300');
  });

  it('the permit card: no script at all, its own inline styles, inline QR', async () => {
    const [permit] = await t.sql<{ id: string }>(
      `SELECT id FROM permit WHERE status = 'active' AND kind = 'resident' LIMIT 1`,
    );
    const id = permit!.id;
    const card = await t
      .http()
      .get(`/api/permits/${id}/card`)
      .set('Authorization', `Bearer ${admin}`);
    expect(card.status).toBe(200);
    expect(card.headers['content-type']).toMatch(/^text\/html/);
    expectBase(card.headers);
    expect(card.headers['cache-control']).toBe('no-store');
    expect(directives(card.headers['content-security-policy'])).toEqual({
      'default-src': "'none'",
      'style-src': "'unsafe-inline'",
      'img-src': 'data:',
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(card.text).not.toMatch(/<script/i);
  });

  it("the guest's visitor pass page: the same strict policy, never stored", async () => {
    const pass = await t
      .http()
      .post('/api/visitor-passes')
      .set('Authorization', `Bearer ${resident}`)
      .send({ plate: '京N5C218', hours: 2 });
    expect(pass.status).toBe(201);
    // The guest link is absolute (built from the request's host): fetch its path here.
    const guestPath = new URL(pass.body.guestUrl as string).pathname;
    for (const url of [guestPath, '/visit/not-a-real-guest-link-000']) {
      const page = await t.http().get(url);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expectBase(page.headers);
      expect(page.headers['cache-control']).toBe('no-store');
      const policy = directives(page.headers['content-security-policy']);
      expect(policy['default-src']).toBe("'none'");
      expect(policy['script-src']).toBeUndefined();
      expect(policy['frame-ancestors']).toBe("'none'");
    }
  });

  it('the web client: its own files only, its socket on the same host, revalidated', async () => {
    const index = await t.http().get('/app/');
    expect(index.status).toBe(200);
    expectBase(index.headers);
    expect(index.headers['cache-control']).toBe('no-cache');
    const host = new URL(t.url).host;
    const policy = directives(index.headers['content-security-policy']);
    expect(policy).toEqual({
      'default-src': "'self'",
      // Its own stylesheet, and the permit card's (opened as a blob: page, which inherits this).
      'style-src': expect.stringMatching(/^'self' 'sha256-[A-Za-z0-9+/]+=*'$/),
      'img-src': "'self' data: blob:",
      'connect-src': `'self' ws://${host} wss://${host}`,
      'object-src': "'none'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
    // A 304 updates the cached page's headers: it must carry the same policy.
    const revalidated = await t
      .http()
      .get('/app/')
      .set('if-none-match', index.headers.etag as string);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['content-security-policy']).toBe(
      index.headers['content-security-policy'],
    );
  });

  it('publishes no source maps outside development', async () => {
    const { script: scriptUrl, style } = await entryAssets(t);
    const script = await t.http().get(scriptUrl);
    expect(script.status).toBe(200);
    expect(script.text).not.toContain('sourceMappingURL');
    expect((await t.http().get(`${scriptUrl}.map`)).status).toBe(404);
    expect((await t.http().get(`${style}.map`)).status).toBe(404);
  });

  it('the API docs page runs no inline script', async () => {
    const page = await t.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>/);
    const policy = directives(page.headers['content-security-policy']);
    expect(policy['default-src']).toBe("'self'");
    expect(policy['script-src']).toBeUndefined();
    const start = await t.http().get('/api/docs/assets/start.js');
    expect(start.status).toBe(200);
    expect(start.text).toContain('SwaggerUIBundle');
  });
});
