import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { authConfig, type AuthConfig } from '../config';
import { DomainError } from '../common/domain-error';
import type { Actor } from './actor';
import { ROLES, type Role } from './role';

interface AccessClaims {
  sub: string;
  aid: string;
  role: Role;
  hh?: string;
  ru?: string;
  ra?: string[];
}

const ISSUER = 'hutong-parking';

@Injectable()
export class TokenService implements OnModuleInit {
  // A KeyObject, because a string secret makes jsonwebtoken try (and fail) to parse it as a
  // public key on every verify: measurable on thousands of socket handshakes.
  private secret: KeyObject = createSecretKey(randomBytes(32));

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret = this.config.jwtSecret || (await this.sharedGeneratedSecret());
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  get accessTokenSeconds(): number {
    return this.config.accessTokenSeconds;
  }

  issueAccessToken(actor: Actor): string {
    const claims: AccessClaims = {
      sub: actor.memberId,
      aid: actor.associationId,
      role: actor.role,
    };
    if (actor.householdId) claims.hh = actor.householdId;
    if (actor.residentUnitId) claims.ru = actor.residentUnitId;
    const extra = actor.readableAssociationIds.filter((id) => id !== actor.associationId);
    if (extra.length > 0) claims.ra = extra;
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenSeconds,
      issuer: ISSUER,
    });
  }

  /** Throws DomainError(unauthenticated) for anything but a valid, unexpired token of ours. */
  verifyAccessToken(token: string): Actor {
    let claims: AccessClaims;
    try {
      claims = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
      }) as AccessClaims;
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new DomainError(expired ? 'auth.session_expired' : 'auth.token_invalid');
    }
    if (!ROLES.includes(claims.role)) {
      throw new DomainError('auth.token_invalid');
    }
    return {
      memberId: claims.sub,
      associationId: claims.aid,
      role: claims.role,
      householdId: claims.hh ?? null,
      residentUnitId: claims.ru ?? null,
      readableAssociationIds: [claims.aid, ...(claims.ra ?? [])],
    };
  }

  /** One secret for every instance on the same database, created by whichever starts first. */
  private async sharedGeneratedSecret(): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO service_secret (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM service_secret WHERE name = 'jwt'`,
    );
    return rows[0]!.value;
  }
}
