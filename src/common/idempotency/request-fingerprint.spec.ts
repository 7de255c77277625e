import { canonicalJson, isIdempotencyKey, requestFingerprint } from './request-fingerprint';

describe('request fingerprints', () => {
  it('are the same for the same request, whatever the order of its keys', () => {
    const a = requestFingerprint('POST', '/api/offers/1/bookings', {
      from: '2026-11-30T18:00:00+08:00',
      plate: { number: '京A12345', colour: 'blue' },
    });
    const b = requestFingerprint('post', '/api/offers/1/bookings', {
      plate: { colour: 'blue', number: '京A12345' },
      from: '2026-11-30T18:00:00+08:00',
    });
    expect(a).toBe(b);
  });

  it.each([
    ['another body', 'POST', '/api/vehicles', { plate: '京B67M21' }],
    ['another path', 'POST', '/api/vehicles?household=2', { plate: '京A12345' }],
    ['another method', 'PUT', '/api/vehicles', { plate: '京A12345' }],
    ['no body', 'POST', '/api/vehicles', undefined],
  ])('differ for %s', (_, method, url, body) => {
    const original = requestFingerprint('POST', '/api/vehicles', { plate: '京A12345' });
    expect(requestFingerprint(method, url, body)).not.toBe(original);
  });

  it('keep the order of lists, which is part of the request', () => {
    expect(canonicalJson({ ids: [2, 1] })).not.toBe(canonicalJson({ ids: [1, 2] }));
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

describe('idempotency keys', () => {
  it.each(['5f0c6c1e-8d7e-4c1a-9b1e-0d5a3c2e7f10', 'a', 'booking:2026-11-30:1', 'x'.repeat(255)])(
    'accept %s',
    (key) => expect(isIdempotencyKey(key)).toBe(true),
  );
  it.each(['', ' ', 'with space', '键', 'x'.repeat(256), 'tab\there'])('refuse %j', (key) =>
    expect(isIdempotencyKey(key)).toBe(false),
  );
});
