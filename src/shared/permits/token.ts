// The layout of the signed token a permit's QR code carries, read the same way by the server
// (src/permits/permit-token.ts: node crypto) and by a warden's phone offline
// (src/web/client/permits/offline-verify.ts: WebCrypto). A compact JWS, ES256, with terse claims
// so it fits a QR of version ≤ 12 at level M and scans through a windscreen. Only checking the
// signature differs between the two sides. Pure: no Nest, no DOM, no node builtins.

export const TOKEN_ISSUER = 'hp';
export const TOKEN_ALGORITHM = 'ES256';

export const PERMIT_KINDS = ['resident', 'shared', 'visitor'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

const KIND_CODE: Record<PermitKind, string> = { resident: 'r', shared: 's', visitor: 'v' };

/**
 * Terse claims. `p` is the permit number (also printed on the card and typed by hand), `n` the
 * plate, `k` the kind's letter, `s` the narrowest scope id (car park, else lane, else
 * association) as base64url of the uuid bytes; `nbf` and `exp` in seconds.
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

/** What a token says of its permit. */
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

/** A token taken apart, before its signature is checked: nothing in it is trusted yet. */
export interface TokenParts {
  /** The signing key's id, to find its public key. */
  kid: string;
  /** `header.payload`, the bytes the signature covers. */
  signingInput: Uint8Array;
  /** ECDSA P-256 as raw r‖s (JWS), 64 bytes. */
  signature: Uint8Array;
  /** The payload segment, still encoded: read with `claimsOf` once the signature holds. */
  payload: string;
}

// Made once: a decoder costs more to make than a token's few hundred bytes cost to decode.
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/** header.payload.signature in base64url; an empty signature is a token that fails to verify. */
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** Three base64url segments, a header naming ES256 and a key id; null when it is none of that. */
export function splitPermitToken(token: string): TokenParts | null {
  const match = COMPACT_JWS.exec(token);
  if (!match) return null;
  const [, headerPart, payloadPart, signaturePart] = match as unknown as [
    string,
    string,
    string,
    string,
  ];
  const header = parseJson(headerPart) as { alg?: unknown; kid?: unknown } | null;
  if (typeof header !== 'object' || header === null) return null;
  if (header.alg !== TOKEN_ALGORITHM || typeof header.kid !== 'string') return null;
  return {
    kid: header.kid,
    signingInput: UTF8_ENCODER.encode(`${headerPart}.${payloadPart}`),
    signature: fromBase64url(signaturePart),
    payload: payloadPart,
  };
}

export type ClaimsRead =
  | { ok: true; claims: PermitClaims }
  /** `issuer`: signed by one of our keys but not for permits; `malformed`: not permit claims. */
  | { ok: false; reason: 'issuer' | 'malformed' };

/** The claims of a token whose signature has been checked. */
export function claimsOf(parts: TokenParts): ClaimsRead {
  const claims = parseJson(parts.payload) as Partial<PermitClaims> | null;
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  if (claims.iss !== TOKEN_ISSUER) return { ok: false, reason: 'issuer' };
  return isPermitClaims(claims) ? { ok: true, claims } : { ok: false, reason: 'malformed' };
}

function isPermitClaims(c: Partial<PermitClaims>): c is PermitClaims {
  return (
    Number.isSafeInteger(c.p) &&
    typeof c.n === 'string' &&
    typeof c.k === 'string' &&
    typeof c.s === 'string' &&
    typeof c.nbf === 'number' &&
    typeof c.exp === 'number'
  );
}

function parseJson(segment: string): unknown {
  try {
    return JSON.parse(UTF8_DECODER.decode(fromBase64url(segment))) as unknown;
  } catch {
    return null;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Each ASCII code's value in base64url, -1 for a character outside it. */
const VALUE_OF = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

export function fromBase64url(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUE_OF[code]! : -1;
    if (value < 0) throw new Error(`not base64url: ${text[i]}`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** A uuid as the 22 base64url characters of its 16 bytes, the scope id a token carries. */
export function shortId(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return toBase64url(bytes);
}

export function uuidFromShortId(short: string): string {
  const hex = [...fromBase64url(short)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
