import { contentSecurityPolicyFor, type PagePolicy, socketSources } from './security-headers';

describe('contentSecurityPolicyFor', () => {
  const html = 'text/html; charset=utf-8';
  const client: PagePolicy = { prefix: '/app', policy: (host) => `client for ${host}` };

  it('gives a feature’s page its policy by path, whatever the reply (a 304 has no type)', () => {
    for (const [path, type] of [
      ['/app', html],
      ['/app/', html],
      ['/app/app.js', 'application/javascript'],
      ['/app/', undefined],
    ] as const) {
      expect(contentSecurityPolicyFor(path, type, 'h:3000', [client])).toBe('client for h:3000');
    }
    // A prefix is a whole path segment.
    expect(contentSecurityPolicyFor('/apple', html, 'h', [client])).toMatch(/^default-src 'none'/);
  });

  it('allows server-rendered pages their inline style and nothing to run', () => {
    const policy = contentSecurityPolicyFor('/api/permits/1/card', html, 'h', [client]);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).not.toContain('script-src');
    expect(contentSecurityPolicyFor('/visit/abc', html, 'h')).toBe(policy);
  });

  it('lets nothing load from replies that are not pages', () => {
    for (const type of [
      'application/json; charset=utf-8',
      'image/svg+xml',
      'text/csv',
      undefined,
    ]) {
      expect(contentSecurityPolicyFor('/api/permits/1/qr.svg', type, 'h')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
  });
});

describe('socketSources', () => {
  it.each([
    ['hutong.example', ' ws://hutong.example wss://hutong.example'],
    ['127.0.0.1:3000', ' ws://127.0.0.1:3000 wss://127.0.0.1:3000'],
    ['[::1]:3000', ' ws://[::1]:3000 wss://[::1]:3000'],
    // A Host header that is not a host can never add a directive.
    ["evil.example; script-src 'unsafe-inline'", ''],
    ['evil.example wss://other.example', ''],
    ['', ''],
  ])('%j → %j', (host, sources) => {
    expect(socketSources(host)).toBe(sources);
  });
});
