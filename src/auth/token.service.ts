import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { authConfig, type AuthConfig } from '../config';
import { DomainError } from '../common/domain-error';
import type { Actor } from './actor';
import { MemberAccessCheck } from './member-access';
import { ROLES, type Role } from './role';
import { ServiceSecretRepository } from './service-secret.repository';

interface AccessClaims {
  sub: string;
  aid: string;
  role: Role;
  hh?: string;
  ru?: string;
  ra?: string[];
  /** The member's token version when issued: a newer one (logout, role change…) ends it. */
  tv?: number;
  /** Street-office staff: their street. */
  so?: string;
}

const ISSUER = 'hutong-parking';

/** Verified tokens remembered at once: about one per signed-in phone of a district. */
const REMEMBERED_TOKENS = 10_000;

@Injectable()
export class TokenService implements OnModuleInit {
  // A KeyObject, because a string secret makes jsonwebtoken try (and fail) to parse it as a
  // public key on every verify: measurable on thousands of socket handshakes.
  private secret: KeyObject = createSecretKey(randomBytes(32));
  /**
   * Tokens whose signature held, with their claims: a token is a fixed string, so its HMAC is
   * checked once, not on every request (a warden's phone sends the same one for hours). Expiry
   * is still judged on every use; forgotten whenever the secret changes.
   */
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly secrets: ServiceSecretRepository,
    private readonly access: MemberAccessCheck,
  ) {}

  async onModuleInit(): Promise<void> {
    // Without JWT_SECRET, one secret for every instance on the same database.
    const secret =
      this.config.jwtSecret ||
      (await this.secrets.getOrCreate('jwt', randomBytes(32).toString('base64url')));
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
    this.verified.clear();
  }

  get accessTokenSeconds(): number {
    return this.config.accessTokenSeconds;
  }

  issueAccessToken(actor: Actor, tokenVersion = 0): string {
    const claims: AccessClaims = {
      sub: actor.memberId,
      aid: actor.associationId,
      role: actor.role,
      tv: tokenVersion,
    };
    if (actor.householdId) claims.hh = actor.householdId;
    if (actor.residentUnitId) claims.ru = actor.residentUnitId;
    if (actor.streetOffice) claims.so = actor.streetOffice;
    const extra = actor.readableAssociationIds.filter((id) => id !== actor.associationId);
    if (extra.length > 0) claims.ra = extra;
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenSeconds,
      issuer: ISSUER,
    });
  }

  /**
   * A valid, unexpired token of ours whose member still holds it: not logged out, deactivated,
   * demoted or re-passworded since (checked within `accessCheckSeconds`). The access guard uses
   * this; so should anything that keeps acting on a token (open sockets).
   */
  async verifyCurrent(token: string): Promise<Actor> {
    const { actor, tokenVersion } = this.verify(token);
    await this.access.assertCurrent(actor.memberId, tokenVersion);
    return actor;
  }

  /**
   * Signature and expiry only (no database): throws DomainError(unauthenticated) for anything but
   * a valid, unexpired token of ours. Prefer `verifyCurrent`.
   */
  verifyAccessToken(token: string): Actor {
    return this.verify(token).actor;
  }

  private verify(token: string): { actor: Actor; tokenVersion: number } {
    const claims = this.verifiedClaims(token);
    if (!ROLES.includes(claims.role)) {
      throw new DomainError('auth.token_invalid');
    }
    const actor: Actor = {
      memberId: claims.sub,
      associationId: claims.aid,
      role: claims.role,
      householdId: claims.hh ?? null,
      residentUnitId: claims.ru ?? null,
      // A street actor reads no association's data, not even the NO_ASSOCIATION it carries.
      readableAssociationIds: claims.so ? [] : [claims.aid, ...(claims.ra ?? [])],
    };
    if (claims.so) actor.streetOffice = claims.so;
    return { actor, tokenVersion: claims.tv ?? 0 };
  }

  private verifiedClaims(token: string): AccessClaims {
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's own rule: expired from the second `exp` names.
      if (Math.floor(Date.now() / 1000) >= known.exp) {
        this.verified.delete(token);
        throw new DomainError('auth.session_expired');
      }
      return known;
    }
    let claims: AccessClaims & { exp: number };
    try {
      claims = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
      }) as AccessClaims & { exp: number };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new DomainError(expired ? 'auth.session_expired' : 'auth.token_invalid');
    }
    if (this.verified.size >= REMEMBERED_TOKENS) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, claims);
    return claims;
  }
}
