// Verifies a permit QR on the phone with no network: the cached JWKS (WebCrypto ECDSA P-256),
// the cached revocation list and the server's own judge (src/shared/scans/verdict.ts).
import { normalisePlate } from '../../../shared/plate';
import {
  type Judgement,
  judgeFacts,
  judgement,
  type StandingAtScan,
  type Verdict,
  verdictMessage,
} from '../../../shared/scans/verdict';
import { sharedLang } from '../i18n';

export type { Verdict };

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
}

export interface Revocation {
  number: number;
  state: 'revoked' | 'suspended' | 'reinstated';
  until: string | null;
}

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

interface Claims {
  p: number;
  n: string;
  k: string;
  s: string;
  nbf: number;
  exp: number;
  iss: string;
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
      standing: standingOf(claims, context.revocations[String(claims.p)], now),
      inScope: context.scopeIds.includes(claims.s),
      plateMatches: !plateSeen || normalisePlate(plateSeen) === claims.n,
      // A car park's id is never among the cached scopes: shared permits read wrong_scope here.
      shared: false,
    }),
    about,
  );
}

function standingOf(claims: Claims, revocation: Revocation | undefined, now: Date): StandingAtScan {
  if (revocation?.state === 'revoked') return { state: 'revoked' };
  if (revocation?.state === 'suspended' && revocation.until && new Date(revocation.until) > now) {
    return { state: 'suspended' };
  }
  const seconds = now.getTime() / 1000;
  if (seconds >= claims.exp) return { state: 'expired' };
  if (seconds < claims.nbf) return { state: 'scheduled' };
  return { state: 'active' };
}

async function verifiedClaims(token: string, keys: PublicJwk[]): Promise<Claims | null> {
  try {
    const [headerPart, payloadPart, signaturePart] = token.split('.');
    if (!headerPart || !payloadPart || !signaturePart) return null;
    const header = JSON.parse(decodeText(headerPart)) as { alg?: string; kid?: string };
    const jwk = keys.find((k) => k.kid === header.kid);
    if (header.alg !== 'ES256' || !jwk) return null;
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
      base64urlBytes(signaturePart),
      new TextEncoder().encode(`${headerPart}.${payloadPart}`),
    );
    if (!ok) return null;
    const claims = JSON.parse(decodeText(payloadPart)) as Claims;
    return claims.iss === 'hp' ? claims : null;
  } catch {
    return null;
  }
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

function base64urlBytes(text: string): Uint8Array {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function decodeText(part: string): string {
  return new TextDecoder().decode(base64urlBytes(part));
}

/** A uuid as the 22-character id a token carries. */
export function shortId(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
