import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MembersService } from '../associations/members.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { authConfig, type AuthConfig } from '../config';
import { Transactions, type Tx } from '../database/transactions';
import type { Actor } from './actor';
import { MemberAccessChanged } from './auth.events';
import { LoginLimiter, type LoginSubject } from './login-limiter';
import { verifyPassword } from './password';
import { RefreshSessionRepository } from './refresh-session.repository';
import { TokenService } from './token.service';
import type { SessionResponse } from '../shared/api/associations';

@Injectable()
export class AuthService {
  constructor(
    private readonly members: MembersService,
    private readonly tokens: TokenService,
    private readonly sessions: RefreshSessionRepository,
    private readonly limiter: LoginLimiter,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async login(phone: string, password: string, address?: string): Promise<SessionResponse> {
    const subject: LoginSubject = { phone, address };
    await this.limiter.assertOpen(subject);
    const found = await this.members.findForLogin(phone);
    // Verify against a dummy hash when the phone is unknown, so timing does not reveal members.
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok || !found.member.active) {
      await this.limiter.recordFailure(subject);
      throw new DomainError('auth.wrong_login');
    }
    await this.limiter.recordSuccess(subject);
    return this.transactions.run((tx) => this.openSession(tx, found.member.id, null));
  }

  /**
   * Spends a refresh token for a new pair in the same family. A token that was spent already is
   * a copy: its family ends, and so does every token of the member (we cannot tell which device
   * holds the thief), which the member's other devices notice at their next refresh.
   */
  async refresh(refreshToken: string): Promise<SessionResponse> {
    const outcome = await this.transactions.run(async (tx) => {
      const now = this.clock.now();
      const session = await this.sessions.lockByHash(tx, sha256(refreshToken));
      if (!session || session.expiresAt <= now) return null;
      if (session.revokedAt) {
        const live = await this.sessions.revokeFamily(tx, session.familyId, now);
        if (live > 0) {
          await this.members.endAccess(tx, session.memberId);
          this.events.publish(tx, new MemberAccessChanged(session.memberId, 'logout'));
        }
        return null;
      }
      await this.sessions.spend(tx, session.id, now);
      const state = await this.members.accessStateOf(session.memberId);
      if (!state?.active || state.tokenVersion !== session.tokenVersion) return null;
      return this.openSession(tx, session.memberId, session.familyId);
    });
    if (!outcome) throw new DomainError('auth.refresh_invalid');
    return outcome;
  }

  /** Ends every session of the member, on every device: refresh and access tokens alike. */
  /** For the retention job: refresh sessions past their expiry, in batches of `limit`. */
  removeExpiredSessions(tx: Tx, now: Date, limit: number): Promise<number> {
    return this.sessions.deleteExpired(tx, now, limit);
  }

  async logout(actor: Actor): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.sessions.revokeAllOf(tx, actor.memberId, this.clock.now());
      await this.members.endAccess(tx, actor.memberId);
      this.events.publish(tx, new MemberAccessChanged(actor.memberId, 'logout'));
    });
  }

  /**
   * The member's own password, proving the current one. Every other session ends; this device
   * gets a new pair so the member stays logged in here.
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<SessionResponse> {
    return this.transactions.run(async (tx) => {
      await this.members.changeOwnPassword(tx, actor.memberId, current, next);
      await this.sessions.revokeAllOf(tx, actor.memberId, this.clock.now());
      return this.openSession(tx, actor.memberId, null);
    });
  }

  private async openSession(tx: Tx, memberId: string, familyId: string | null) {
    const subject = await this.members.sessionFor(memberId, tx);
    if (!subject) throw new DomainError('auth.wrong_login');
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.open(tx, {
      memberId,
      familyId,
      tokenHash: sha256(refreshToken),
      tokenVersion: subject.tokenVersion,
      expiresAt: new Date(this.clock.now().getTime() + this.config.refreshTokenDays * 86_400_000),
    });
    return {
      accessToken: this.tokens.issueAccessToken(subject.actor, subject.tokenVersion),
      expiresIn: this.tokens.accessTokenSeconds,
      refreshToken,
      member: await this.members.viewSelf(subject.actor, tx),
    };
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

// scrypt hash of a random string nobody knows.
const DUMMY_HASH =
  'scrypt$16384$8$1$3q2+7w3q2+7w3q2+7w3q2w==$ZHVtbXktaGFzaC1mb3ItdW5rbm93bi1waG9uZXMhIQ==';
