import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MembersService } from '../associations/members.service';
import { DomainError } from '../common/domain-error';
import { authConfig, type AuthConfig } from '../config';
import { MemberAccessChanged } from './auth.events';

interface Seen {
  tokenVersion: number;
  active: boolean;
  readAt: number;
}

/** Enough for every member of many associations; beyond it the cache starts over. */
const MAX_CACHED = 50_000;

/**
 * Is a token's version still the member's? Logout, deactivation, a role, household or password
 * change bump the member's token version, so every token issued before stops working. Each
 * instance keeps what it read for `accessCheckSeconds` (2 s by default), so a change reaches every
 * instance within seconds; this instance forgets at once on MemberAccessChanged.
 */
@Injectable()
export class MemberAccessCheck {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly members: MembersService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async assertCurrent(memberId: string, tokenVersion: number): Promise<void> {
    const state = await this.stateOf(memberId);
    if (!state?.active || state.tokenVersion !== tokenVersion) {
      throw new DomainError('auth.session_ended');
    }
  }

  @OnEvent(MemberAccessChanged.type)
  forget(event: MemberAccessChanged): void {
    this.seen.delete(event.memberId);
  }

  private async stateOf(memberId: string): Promise<Seen | null> {
    const now = Date.now();
    const cached = this.seen.get(memberId);
    if (cached && now - cached.readAt < this.config.accessCheckSeconds * 1000) return cached;
    const state = await this.members.accessStateOf(memberId);
    if (!state) {
      this.seen.delete(memberId);
      return null;
    }
    if (this.seen.size >= MAX_CACHED) this.seen.clear();
    const fresh = { ...state, readAt: now };
    this.seen.set(memberId, fresh);
    return fresh;
  }
}
