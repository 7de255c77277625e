import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DAY_MS } from '../common/shanghai-time';
import { type AppConfig, appConfig } from '../config';
import { Transactions } from '../database/transactions';
import type { Interval } from './coverage';
import { DutyShiftRepository } from './duty-shift.repository';
import type { OptionalPeriodQuery } from './dto/roster.dto';
import { periodOf } from './period';
import { RosterFeedRepository } from './roster-feed.repository';
import { toShiftViews } from './roster-views';
import { shiftCalendar } from './shift-calendar';
import type { MyShiftResponse } from '../shared/api/rosters';

/** How far a calendar reaches: the past week and the coming three months. */
const FEED_PAST_MS = 7 * DAY_MS;
const FEED_AHEAD_MS = 92 * DAY_MS;

/** "My shifts" for each warden and volunteer, as a list and as an iCalendar feed. */
@Injectable()
export class RosterCalendarService {
  constructor(
    private readonly transactions: Transactions,
    private readonly shifts: DutyShiftRepository,
    private readonly feeds: RosterFeedRepository,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async myShifts(actor: Actor, query: OptionalPeriodQuery): Promise<MyShiftResponse[]> {
    const now = this.clock.now();
    const period =
      query.from || query.to
        ? periodOf(
            query.from ?? now.toISOString(),
            query.to ?? new Date(now.getTime() + 31 * DAY_MS).toISOString(),
          )
        : { from: new Date(now.getTime() - DAY_MS), to: new Date(now.getTime() + 31 * DAY_MS) };
    return this.shiftsOf(actor.memberId, period);
  }

  async myCalendar(actor: Actor): Promise<string> {
    return this.calendarOf(actor.memberId);
  }

  /** A new secret feed address (any earlier one stops working): phones subscribe without a login. */
  async createFeed(actor: Actor, origin: string): Promise<{ url: string; path: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.transactions.run((tx) => this.feeds.replace(tx, actor.memberId, hashToken(token)));
    const path = `/api/shift-feeds/${token}.ics`;
    return { path, url: `${this.config.publicUrl || origin}${path}` };
  }

  async feed(file: string): Promise<string> {
    const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file)?.[1];
    const memberId = token ? await this.feeds.memberOf(hashToken(token)) : null;
    if (!memberId) throw DomainError.notFound('calendar feed');
    return this.calendarOf(memberId);
  }

  private async calendarOf(memberId: string): Promise<string> {
    const now = this.clock.now();
    return shiftCalendar(
      await this.shiftsOf(memberId, {
        from: new Date(now.getTime() - FEED_PAST_MS),
        to: new Date(now.getTime() + FEED_AHEAD_MS),
      }),
    );
  }

  private async shiftsOf(memberId: string, period: Interval): Promise<MyShiftResponse[]> {
    const rows = await this.shifts.rowsOfMember(memberId, period);
    return toShiftViews(rows, this.clock.now()).map((shift) => ({
      ...shift,
      mine: shift.assignments.find((a) => a.memberId === memberId)!,
    }));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
