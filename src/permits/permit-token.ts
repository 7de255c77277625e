// The signed token a permit's QR code carries: a JWT (ES256) kept short enough for a QR of
// version ≤ 12 at level M, so it scans through a windscreen. Pure: no Nest, no database.
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const TOKEN_ISSUER = 'hp';

export const PERMIT_KINDS = ['resident', 'shared', 'visitor'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

const KIND_CODE: Record<PermitKind, string> = { resident: 'r', shared: 's', visitor: 'v' };

/**
 * Terse claims. `p` is the permit number (also printed on the card and typed by hand), `s` the
 * narrowest scope id (car park, else lane, else association) as base64url of the uuid bytes.
 */
export interface PermitClaims {
  p: number;
  n: string;
  k: string;
  s: string;
  nbf: number;
  exp: number;
  iss: string;
}

export interface TokenPermit {
  number: number;
  plate: string;
  kind: PermitKind;
  associationId: string;
  laneId: string | null;
  carParkId: string | null;
  validFrom: Date;
  validTo: Date;
}

export function claimsFor(permit: TokenPermit): PermitClaims {
  return {
    p: permit.number,
    n: permit.plate,
    k: KIND_CODE[permit.kind],
    s: shortId(permit.carParkId ?? permit.laneId ?? permit.associationId),
    nbf: Math.floor(permit.validFrom.getTime() / 1000),
    exp: Math.floor(permit.validTo.getTime() / 1000),
    iss: TOKEN_ISSUER,
  };
}

export function signPermitToken(claims: PermitClaims, kid: string, key: KeyObject): string {
  // No `typ` and no `iat`: every byte counts in the QR.
  return jwt.sign(claims, key, {
    algorithm: 'ES256',
    noTimestamp: true,
    header: { alg: 'ES256', kid, typ: undefined },
  });
}

export type TokenCheck =
  | { ok: true; kid: string; claims: PermitClaims }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/**
 * Signature, issuer and shape only. Validity dates are judged by the verdict against the
 * permit as the association holds it now (a renewal extends an old token's permit).
 */
export async function checkPermitToken(
  token: string,
  publicKey: (kid: string) => Promise<KeyObject | null>,
): Promise<TokenCheck> {
  const decoded = jwt.decode(token, { complete: true });
  const kid = decoded?.header.kid;
  if (!decoded || typeof kid !== 'string' || decoded.header.alg !== 'ES256') {
    return { ok: false, reason: 'malformed' };
  }
  const key = await publicKey(kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  try {
    const claims = jwt.verify(token, key, {
      algorithms: ['ES256'],
      issuer: TOKEN_ISSUER,
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
    if (!isPermitClaims(claims)) return { ok: false, reason: 'malformed' };
    return { ok: true, kid, claims };
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
}

function isPermitClaims(value: unknown): value is PermitClaims {
  const c = value as Partial<PermitClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger(c.p) &&
    typeof c.n === 'string' &&
    typeof c.k === 'string' &&
    typeof c.s === 'string' &&
    typeof c.nbf === 'number' &&
    typeof c.exp === 'number'
  );
}

/** A uuid as 22 base64url characters (its 16 bytes). */
export function shortId(uuid: string): string {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}

export function uuidFromShortId(short: string): string {
  const hex = Buffer.from(short, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
