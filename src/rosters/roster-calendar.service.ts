import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical from 'ical-generator';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type AppConfig, appConfig } from '../config';
import type { OptionalPeriodQuery } from './dto/roster.dto';
import type { MyShiftView } from './dto/roster.view';
import { periodOf } from './period';
import { SHIFT_ROWS_SQL, type ShiftRow, toShiftViews } from './roster-views';
import { DAY_MS } from '../common/shanghai-time';

/** How far a calendar reaches: the past week and the coming three months. */
const FEED_PAST_MS = 7 * DAY_MS;
const FEED_AHEAD_MS = 92 * DAY_MS;

/** "My shifts" for each warden and volunteer, as a list and as an iCalendar feed. */
@Injectable()
export class RosterCalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async myShifts(actor: Actor, query: OptionalPeriodQuery): Promise<MyShiftView[]> {
    const now = this.clock.now();
    const period =
      query.from || query.to
        ? periodOf(
            query.from ?? now.toISOString(),
            query.to ?? new Date(now.getTime() + 31 * DAY_MS).toISOString(),
          )
        : { from: new Date(now.getTime() - DAY_MS), to: new Date(now.getTime() + 31 * DAY_MS) };
    return this.shiftsOf(actor.memberId, period.from, period.to);
  }

  async myCalendar(actor: Actor): Promise<string> {
    return this.calendarOf(actor.memberId);
  }

  /** A new secret feed address (any earlier one stops working): phones subscribe without a login. */
  async createFeed(actor: Actor, origin: string): Promise<{ url: string; path: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.db.query(
      `INSERT INTO roster_feed (member_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [actor.memberId, hashToken(token)],
    );
    const path = `/api/shift-feeds/${token}.ics`;
    return { path, url: `${this.config.publicUrl || origin}${path}` };
  }

  async feed(file: string): Promise<string> {
    const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file)?.[1];
    const rows: { member_id: string }[] = token
      ? await this.db.query(
          `SELECT f.member_id FROM roster_feed f JOIN member m ON m.id = f.member_id
            WHERE f.token_hash = $1 AND m.active`,
          [hashToken(token)],
        )
      : [];
    if (!rows[0]) throw DomainError.notFound('calendar feed');
    return this.calendarOf(rows[0].member_id);
  }

  private async calendarOf(memberId: string): Promise<string> {
    const now = this.clock.now();
    const shifts = await this.shiftsOf(
      memberId,
      new Date(now.getTime() - FEED_PAST_MS),
      new Date(now.getTime() + FEED_AHEAD_MS),
    );
    const calendar = ical({
      name: '值班表 / duty roster',
      prodId: '//hutong-parking//rosters//ZH',
    });
    for (const shift of shifts) {
      const others = shift.assignments
        .filter((a) => a.id !== shift.mine.id)
        .map((a) => a.memberName);
      calendar.createEvent({
        id: `${shift.mine.id}@hutong-parking`,
        start: new Date(shift.from),
        end: new Date(shift.to),
        summary: `值班: ${shift.name}${shift.kind === 'volunteer' ? ' (文明劝导)' : ''}`,
        description: others.length ? `同班 / with: ${others.join('、')}` : undefined,
      });
    }
    return calendar.toString();
  }

  private async shiftsOf(memberId: string, from: Date, to: Date): Promise<MyShiftView[]> {
    const rows: ShiftRow[] = await this.db.query(
      `${SHIFT_ROWS_SQL}
        WHERE s.id IN (SELECT shift_id FROM shift_assignment
                        WHERE member_id = $1 AND starts_at < $3 AND ends_at > $2)
        ORDER BY s.starts_at, m.name`,
      [memberId, from, to],
    );
    return toShiftViews(rows, this.clock.now()).map((shift) => ({
      ...shift,
      mine: shift.assignments.find((a) => a.memberId === memberId)!,
    }));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
