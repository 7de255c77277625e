import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MembersService } from '../associations/members.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { authConfig, type AuthConfig } from '../config';
import type { Actor } from './actor';
import type { SessionView } from './dto/login.dto';
import { verifyPassword } from './password';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly members: MembersService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async login(phone: string, password: string): Promise<SessionView> {
    const found = await this.members.findForLogin(phone);
    // Verify against a dummy hash when the phone is unknown, so timing does not reveal members.
    const stored = found?.passwordHash ?? DUMMY_HASH;
    const ok = await verifyPassword(password, stored);
    if (!found || !ok || !found.active) {
      throw new DomainError('auth.wrong_login');
    }
    return this.openSession(found.id);
  }

  async refresh(refreshToken: string): Promise<SessionView> {
    const hash = sha256(refreshToken);
    const rows: { member_id: string }[] = await this.dataSource.query(
      `WITH spent AS (
         UPDATE refresh_session SET revoked_at = $2
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
          RETURNING member_id)
       SELECT member_id FROM spent`,
      [hash, this.clock.now()],
    );
    const memberId = rows[0]?.member_id;
    if (!memberId) {
      throw new DomainError('auth.refresh_invalid');
    }
    return this.openSession(memberId);
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_session SET revoked_at = now() WHERE member_id = $1 AND revoked_at IS NULL`,
      [actor.memberId],
    );
  }

  private async openSession(memberId: string): Promise<SessionView> {
    const actor = await this.members.actorFor(memberId);
    if (!actor) throw new DomainError('auth.wrong_login');
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.refreshTokenDays * 86_400_000,
    );
    await this.dataSource.query(
      `INSERT INTO refresh_session (member_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [memberId, sha256(refreshToken), expiresAt],
    );
    return {
      accessToken: this.tokens.issueAccessToken(actor),
      expiresIn: this.tokens.accessTokenSeconds,
      refreshToken,
      member: await this.members.viewSelf(actor),
    };
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

// scrypt hash of a random string nobody knows.
const DUMMY_HASH =
  'scrypt$16384$8$1$3q2+7w3q2+7w3q2+7w3q2w==$ZHVtbXktaGFzaC1mb3ItdW5rbm93bi1waG9uZXMhIQ==';
