import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { startOfShanghaiMonth } from '../common/shanghai-time';
import { statusAt } from './permit-status';
import {
  checkPermitToken,
  claimsFor,
  shortId,
  signPermitToken,
  uuidFromShortId,
} from './permit-token';
import { isVerdictCause } from '../shared/scans/verdict';
import { judge, type JudgedPermit } from './verdict';

const A = '5b1f9a2e-0000-4000-8000-000000000001';
const LANE = '5b1f9a2e-0000-4000-8000-0000000000aa';
const now = new Date('2025-11-23T10:00:00Z');
const day = 86_400_000;
const permit = (over: Partial<JudgedPermit> = {}): JudgedPermit => ({
  associationId: A,
  laneId: null,
  carParkId: null,
  plate: '京AD12345',
  status: 'active',
  validFrom: new Date(now.getTime() - day),
  validTo: new Date(now.getTime() + day),
  suspendedUntil: null,
  ...over,
});
const place = { associationId: A, laneId: LANE };

describe('verdict of a scan', () => {
  it.each([
    ['valid', {}, {}],
    ['expired', { validTo: new Date(now.getTime() - 1) }, {}],
    ['not_yet_valid', { validFrom: new Date(now.getTime() + 1) }, {}],
    ['revoked', { status: 'revoked' as const }, {}],
    ['suspended', { suspendedUntil: new Date(now.getTime() + day) }, {}],
    ['valid', { suspendedUntil: new Date(now.getTime() - 1) }, {}],
    ['wrong_scope', { associationId: '5b1f9a2e-0000-4000-8000-000000000002' }, {}],
    ['wrong_scope', { laneId: '5b1f9a2e-0000-4000-8000-0000000000bb' }, {}],
    ['plate_mismatch', {}, { plateSeen: '京A·D12346' }],
    ['valid', {}, { plateSeen: '京ad·12345' }],
    [
      'outside_window',
      { carParkId: LANE },
      { withinWindow: false, place: { associationId: A, carParkId: LANE } },
    ],
    [
      'valid',
      { carParkId: LANE },
      { withinWindow: true, place: { associationId: A, carParkId: LANE } },
    ],
    // Fail closed: windows nobody could read never make a shared permit valid.
    [
      'unknown',
      { carParkId: LANE },
      { withinWindow: null, place: { associationId: A, carParkId: LANE } },
    ],
    ['unknown', { carParkId: LANE }, { place: { associationId: A, carParkId: LANE } }],
    ['unknown', { status: 'pending' as const }, {}],
  ])('%s', (expected, over, extra: Record<string, unknown>) => {
    const result = judge({ permit: permit(over), place, at: now, ...extra });
    expect(result.verdict).toBe(expected);
    expect(isVerdictCause(result.cause)).toBe(true);
  });

  it('a suspension ends exactly at its until-time, with no job', () => {
    const until = new Date(now.getTime() + 60_000);
    const p = permit({ suspendedUntil: until });
    expect(statusAt(p, new Date(until.getTime() - 1))).toBe('suspended');
    expect(statusAt(p, until)).toBe('active');
  });

  it('the Beijing month starts at 16:00 UTC of the previous day', () => {
    expect(startOfShanghaiMonth(new Date('2025-11-30T17:00:00Z')).toISOString()).toBe(
      '2025-11-30T16:00:00.000Z',
    );
    expect(startOfShanghaiMonth(new Date('2025-11-30T15:00:00Z')).toISOString()).toBe(
      '2025-10-31T16:00:00.000Z',
    );
  });
});

describe('permit tokens', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  it('short ids round-trip for any uuid', () => {
    fc.assert(fc.property(fc.uuid(), (uuid) => uuidFromShortId(shortId(uuid)) === uuid));
  });

  it('the worst case (8-character plate, lane scope, big number) fits a version ≤ 12 QR at level M', async () => {
    const token = signPermitToken(
      claimsFor({
        number: 9_999_999_999,
        plate: '京AD12345',
        kind: 'resident',
        associationId: A,
        laneId: LANE,
        carParkId: null,
        validFrom: now,
        validTo: new Date(now.getTime() + 3650 * day),
      }),
      'AbCd',
      privateKey,
    );
    expect(QRCode.create(token, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(12);
    const check = await checkPermitToken(token, async (kid) => (kid === 'AbCd' ? publicKey : null));
    expect(check).toMatchObject({
      ok: true,
      kid: 'AbCd',
      claims: { s: shortId(LANE), n: '京AD12345' },
    });
  });
});
