import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { assertCouncilOf, associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type CoverageSegment, coverageGaps, type Interval } from './coverage';
import type { CoverageView, OnDutyView, ShiftTemplateView, ShiftView } from './dto/roster.view';
import type {
  CreateDutyShiftDto,
  CreateShiftTemplateDto,
  RosterPeriodQuery,
} from './dto/roster.dto';
import { DutyShift } from './duty-shift.entity';
import { periodOf } from './period';
import { withRosterConstraints } from './roster-errors';
import {
  SHIFT_ROWS_SQL,
  type ShiftRow,
  toGapView,
  toShiftViews,
  toTemplateView,
} from './roster-views';
import { parseHhmm } from '../common/shanghai-time';
import { ShiftTemplate } from './shift-template.entity';
import { onDutySql } from './on-duty-sql';

/** The roster as the council reads it: templates, shifts with their people, coverage, who is on duty. */
@Injectable()
export class RostersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ShiftTemplate) private readonly templates: Repository<ShiftTemplate>,
    @InjectRepository(DutyShift) private readonly shifts: Repository<DutyShift>,
    private readonly clock: Clock,
  ) {}

  async listTemplates(actor: Actor, associationId?: string): Promise<ShiftTemplateView[]> {
    const id = associationToRead(actor, associationId);
    const rows = await this.templates.find({
      where: { associationId: id },
      order: { kind: 'DESC', startMinute: 'ASC', name: 'ASC' },
    });
    return rows.map(toTemplateView);
  }

  async createTemplate(actor: Actor, dto: CreateShiftTemplateDto): Promise<ShiftTemplateView> {
    assertCouncilOf(actor, actor.associationId);
    const laneIds = dto.laneIds ?? [];
    if (laneIds.length) {
      const rows: { count: number }[] = await this.db.query(
        `SELECT count(*)::int AS count FROM lane WHERE association_id = $1 AND id = ANY($2::uuid[])`,
        [actor.associationId, laneIds],
      );
      if (rows[0]?.count !== laneIds.length) throw DomainError.notFound('lane');
    }
    const template = this.templates.create({
      associationId: actor.associationId,
      name: dto.name,
      kind: dto.kind,
      startMinute: parseHhmm(dto.start)!,
      durationMinutes: dto.durationMinutes,
      weekdays: [...(dto.weekdays ?? [1, 2, 3, 4, 5, 6, 7])].sort(),
      minOnDuty: dto.minOnDuty ?? 1,
      laneIds,
      active: true,
    });
    return withRosterConstraints(async () => toTemplateView(await this.templates.save(template)));
  }

  async listShifts(actor: Actor, query: RosterPeriodQuery): Promise<ShiftView[]> {
    const associationId = associationToRead(actor, query.associationId);
    const period = periodOf(query.from, query.to);
    const rows: ShiftRow[] = await this.db.query(
      `${SHIFT_ROWS_SQL}
        WHERE s.association_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY s.starts_at, s.kind DESC, m.name`,
      [associationId, period.from, period.to],
    );
    return toShiftViews(rows, this.clock.now());
  }

  /** A one-off shift the council adds by hand (a market day, a lane event). */
  async createShift(actor: Actor, dto: CreateDutyShiftDto): Promise<ShiftView> {
    assertCouncilOf(actor, actor.associationId);
    const period = periodOf(dto.from, dto.to, 1);
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO duty_shift (association_id, kind, name, starts_at, ends_at, min_on_duty)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [actor.associationId, dto.kind, dto.name, period.from, period.to, dto.minOnDuty ?? 1],
    );
    return this.shiftView(rows[0]!.id);
  }

  async shiftView(shiftId: string): Promise<ShiftView> {
    const rows: ShiftRow[] = await this.db.query(
      `${SHIFT_ROWS_SQL} WHERE s.id = $1 ORDER BY m.name`,
      [shiftId],
    );
    return toShiftViews(rows, this.clock.now())[0]!;
  }

  async coverage(actor: Actor, query: RosterPeriodQuery): Promise<CoverageView> {
    const associationId = associationToRead(actor, query.associationId);
    const period = periodOf(query.from, query.to);
    const gaps = await this.gapsIn(this.db.manager, associationId, period);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      gaps: gaps.map(toGapView),
    };
  }

  /** Where fewer people are scheduled than the shifts need; wardens and volunteers counted apart. */
  async gapsIn(
    em: EntityManager,
    associationId: string,
    period: Interval,
  ): Promise<CoverageSegment[]> {
    const rows: {
      id: string;
      kind: string;
      starts_at: Date;
      ends_at: Date;
      min_on_duty: number;
      scheduled: number;
    }[] = await em.query(
      `SELECT s.id, s.kind, s.starts_at, s.ends_at, s.min_on_duty, count(a.id)::int AS scheduled
           FROM duty_shift s LEFT JOIN shift_assignment a ON a.shift_id = s.id
          WHERE s.association_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
          GROUP BY s.id`,
      [associationId, period.from, period.to],
    );
    const shifts = rows.map((r) => ({
      id: r.id,
      from: r.starts_at,
      to: r.ends_at,
      required: r.min_on_duty,
      track: r.kind,
    }));
    const assignments = rows.flatMap((r) =>
      Array.from({ length: r.scheduled }, () => ({ shiftId: r.id })),
    );
    return coverageGaps(period, shifts, assignments);
  }

  /**
   * Whether a member was signed in on a shift at a moment: for scans, check-ins and violations
   * to record whether their warden was on duty. A shift nobody signed out of ends with the shift.
   */
  async isOnDuty(memberId: string, at: Date): Promise<boolean> {
    const rows: { on_duty: boolean }[] = await this.db.query(
      `SELECT ${onDutySql('$1', '$2')} AS on_duty`,
      [memberId, at],
    );
    return rows[0]?.on_duty ?? false;
  }

  async onDutyNow(actor: Actor, associationId?: string): Promise<OnDutyView[]> {
    return this.onDutyAt(associationToRead(actor, associationId), this.clock.now());
  }

  async onDutyAt(associationId: string, at: Date): Promise<OnDutyView[]> {
    const rows: {
      member_id: string;
      name: string;
      kind: 'warden' | 'volunteer';
      shift_id: string;
      shift_name: string;
      signed_in_at: Date;
      ends_at: Date;
    }[] = await this.db.query(
      `SELECT a.member_id, m.name, s.kind, s.id AS shift_id, s.name AS shift_name, a.signed_in_at, s.ends_at
           FROM shift_assignment a
           JOIN duty_shift s ON s.id = a.shift_id
           JOIN member m ON m.id = a.member_id
          WHERE a.association_id = $1 AND a.signed_in_at <= $2
            AND $2 < COALESCE(a.signed_out_at, a.ends_at)
          ORDER BY s.kind DESC, a.signed_in_at`,
      [associationId, at],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      kind: r.kind,
      shiftId: r.shift_id,
      shiftName: r.shift_name,
      since: r.signed_in_at.toISOString(),
      until: r.ends_at.toISOString(),
    }));
  }

  /** The shift if the actor may read its association; otherwise 404, revealing nothing. */
  async readableShift(actor: Actor, id: string): Promise<DutyShift> {
    const shift = await this.shifts.findOneBy({ id });
    if (!shift || !canReadAssociation(actor, shift.associationId)) {
      throw DomainError.notFound('shift', id);
    }
    return shift;
  }
}
