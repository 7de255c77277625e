// Verifies a permit QR on the phone with no network: the token read as the server reads it
// (src/shared/permits/token.ts), its signature checked against the cached JWKS (WebCrypto ECDSA
// P-256), the cached revocation list and the server's own judge (src/shared/scans/verdict.ts).
import { claimsOf, type PermitClaims, splitPermitToken } from '../../../shared/permits/token';
import type { RevocationEntry } from '../../../shared/api/permits';
import type { Wire } from '../../../shared/api/wire';
import type { StatusFacts } from '../../../shared/permits/status';
import { normalisePlate } from '../../../shared/plate';
import {
  type Judgement,
  judgeFacts,
  judgement,
  standingAt,
  type Verdict,
  verdictMessage,
} from '../../../shared/scans/verdict';
import { sharedLang } from '../i18n';

export type { Verdict };
export { shortId } from '../../../shared/permits/token';

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
}

/** An entry of the revocation list (GET /api/permits/revocations), as the phone keeps it. */
export type Revocation = Wire<RevocationEntry>;

export interface OfflineContext {
  keys: PublicJwk[];
  revocations: Record<string, Revocation>;
  /** Short ids (base64url of the uuid bytes) of the association and its lanes. */
  scopeIds: string[];
}

export interface OfflineJudgement {
  verdict: Verdict;
  reason: string;
  number?: number;
  plate?: string;
}

export async function verifyOffline(
  token: string,
  context: OfflineContext,
  now: Date,
  plateSeen?: string,
): Promise<OfflineJudgement> {
  const claims = await verifiedClaims(token, context.keys);
  if (!claims) return judged(judgement('forged'));
  const about = { number: claims.p, plate: claims.n };
  return judged(
    judgeFacts({
      standing: standingAt(factsOf(claims, context.revocations[String(claims.p)]), now),
      inScope: context.scopeIds.includes(claims.s),
      plateMatches: !plateSeen || normalisePlate(plateSeen) === claims.n,
      // A car park's id is never among the cached scopes: shared permits read wrong_scope here.
      shared: false,
    }),
    about,
  );
}

/** What the phone knows of the permit: the token's dates and the cached revocation list. */
function factsOf(claims: PermitClaims, revocation: Revocation | undefined): StatusFacts {
  const suspended = revocation?.state === 'suspended' && revocation.until;
  return {
    status: revocation?.state === 'revoked' ? 'revoked' : 'active',
    validFrom: new Date(claims.nbf * 1000),
    validTo: new Date(claims.exp * 1000),
    suspendedUntil: suspended ? new Date(suspended) : null,
  };
}

async function verifiedClaims(token: string, keys: PublicJwk[]): Promise<PermitClaims | null> {
  const parts = splitPermitToken(token);
  const jwk = parts && keys.find((k) => k.kid === parts.kid);
  if (!parts || !jwk) return null;
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    // JWS carries ECDSA signatures as raw r‖s, which is what WebCrypto expects.
    const ok = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      parts.signature,
      parts.signingInput,
    );
    if (!ok) return null;
  } catch {
    return null;
  }
  const read = claimsOf(parts);
  return read.ok ? read.claims : null;
}

function judged(
  result: Judgement,
  about: { number?: number; plate?: string } = {},
): OfflineJudgement {
  return {
    verdict: result.verdict,
    reason: verdictMessage(result.cause, result.params, sharedLang()),
    ...about,
  };
}
