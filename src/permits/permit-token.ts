// The signed token a permit's QR code carries: its layout, claims and parsing are shared with the
// warden's phone (src/shared/permits/token.ts); here the server signs with its private key and
// checks signatures with node crypto. Pure: no Nest, no database.
import { type KeyObject, verify } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  claimsOf,
  type PermitClaims,
  splitPermitToken,
  TOKEN_ALGORITHM,
} from '../shared/permits/token';

export {
  claimsFor,
  PERMIT_KINDS,
  type PermitClaims,
  type PermitKind,
  shortId,
  TOKEN_ISSUER,
  type TokenPermit,
  uuidFromShortId,
} from '../shared/permits/token';

export function signPermitToken(claims: PermitClaims, kid: string, key: KeyObject): string {
  // No `typ` and no `iat`: every byte counts in the QR.
  return jwt.sign(claims, key, {
    algorithm: TOKEN_ALGORITHM,
    noTimestamp: true,
    header: { alg: TOKEN_ALGORITHM, kid, typ: undefined },
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
  const parts = splitPermitToken(token);
  if (!parts) return { ok: false, reason: 'malformed' };
  const key = await publicKey(parts.kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  if (!signatureHolds(parts.signingInput, parts.signature, key)) {
    return { ok: false, reason: 'bad_signature' };
  }
  const read = claimsOf(parts);
  if (read.ok) return { ok: true, kid: parts.kid, claims: read.claims };
  // Signed by our key for something other than a permit reads as a bad signature, as before.
  return { ok: false, reason: read.reason === 'issuer' ? 'bad_signature' : 'malformed' };
}

function signatureHolds(data: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  if (key.asymmetricKeyType !== 'ec') return false;
  try {
    // JWS carries ECDSA signatures as raw r‖s (IEEE P1363), not DER.
    return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
