import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { checkPermitToken, signPermitToken } from './permit-token';
import {
  claimsFor,
  fromBase64url,
  shortId,
  splitPermitToken,
  toBase64url,
} from '../shared/permits/token';

const A = '5b1f9a2e-0000-4000-8000-000000000001';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const claims = claimsFor({
  number: 42,
  plate: '京AD12345',
  kind: 'resident',
  associationId: A,
  laneId: null,
  carParkId: null,
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: new Date('2027-01-01T00:00:00Z'),
});
const token = signPermitToken(claims, 'k1', privateKey);
const check = (t: string) => checkPermitToken(t, async (kid) => (kid === 'k1' ? publicKey : null));

describe('the permit token, read alike by the server and the phone', () => {
  it('base64url matches node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const node = Buffer.from(bytes).toString('base64url');
        return toBase64url(bytes) === node && Buffer.from(fromBase64url(node)).equals(bytes);
      }),
    );
    const random = randomBytes(33);
    expect(toBase64url(random)).toBe(random.toString('base64url'));
  });

  it('short ids are the uuid bytes in base64url', () => {
    expect(shortId(A)).toBe(Buffer.from(A.replace(/-/g, ''), 'hex').toString('base64url'));
  });

  it('takes a signed token apart: key id, signed bytes, a 64-byte r‖s signature', () => {
    const parts = splitPermitToken(token)!;
    expect(parts.kid).toBe('k1');
    expect(parts.signature).toHaveLength(64);
    expect(new TextDecoder().decode(parts.signingInput)).toBe(token.split('.', 2).join('.'));
  });

  it.each([
    ['not a token', 'hello'],
    ['two segments', token.split('.').slice(0, 2).join('.')],
    ['a header that is not JSON', `bm9wZQ.${token.split('.')[1]}.${token.split('.')[2]}`],
  ])('refuses %s as malformed', async (_, bad) => {
    expect(splitPermitToken(bad)).toBeNull();
    expect(await check(bad)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('judges as before: verified, unknown key, altered, signed for another issuer', async () => {
    expect(await check(token)).toEqual({ ok: true, kid: 'k1', claims });
    const unknown = signPermitToken(claims, 'k2', privateKey);
    expect(await check(unknown)).toEqual({ ok: false, reason: 'unknown_key' });
    const [h, , s] = token.split('.');
    const altered = `${h}.${toBase64url(new TextEncoder().encode(JSON.stringify({ ...claims, p: 43 })))}.${s}`;
    expect(await check(altered)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await check(`${h}.${token.split('.')[1]}.`)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const otherIssuer = jwt.sign({ ...claims, iss: 'other' }, privateKey, {
      algorithm: 'ES256',
      noTimestamp: true,
      header: { alg: 'ES256', kid: 'k1' },
    });
    expect(await check(otherIssuer)).toEqual({ ok: false, reason: 'bad_signature' });
    const notAPermit = jwt.sign({ iss: 'hp', p: 'x' }, privateKey, {
      algorithm: 'ES256',
      noTimestamp: true,
      header: { alg: 'ES256', kid: 'k1' },
    });
    expect(await check(notAPermit)).toEqual({ ok: false, reason: 'malformed' });
  });
});
