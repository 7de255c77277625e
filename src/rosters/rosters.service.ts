import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { AssociationsService } from '../associations/associations.service';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DAY_MS, parseHhmm } from '../common/shanghai-time';
import { type Tx, Transactions } from '../database/transactions';
import { type CoverageSegment, coverageGaps, type Interval } from './coverage';
import { DutyRequirementRepository } from './duty-requirement.repository';
import { requirementNeeds } from './duty-requirements';
import { type DutyShift, DutyShiftRepository } from './duty-shift.repository';
import type {
  CreateDutyShiftDto,
  CreateShiftTemplateDto,
  RosterPeriodQuery,
} from './dto/roster.dto';
import type {
  CoverageGapView,
  CoverageView,
  OnDutyView,
  ShiftTemplateView,
} from './dto/roster.view';
import { periodOf } from './period';
import { toGapView, toOnDutyView, toShiftViews, toTemplateView } from './roster-views';
import { assertCanManageRoster } from './rosters.policy';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import { ShiftTemplateRepository } from './shift-template.repository';
import type { ShiftResponse } from '../shared/api/rosters';

/** How far ahead "the coming days" reach for the council and the public board. */
export const GAPS_AHEAD_DAYS = 7;

/**
 * The roster as the council reads it: templates, shifts with their people, coverage against the
 * duty requirements, who is on duty. Other features ask it whether a warden was on duty.
 */
@Injectable()
export class RostersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly templates: ShiftTemplateRepository,
    private readonly shifts: DutyShiftRepository,
    private readonly assignments: ShiftAssignmentRepository,
    private readonly requirements: DutyRequirementRepository,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async listTemplates(actor: Actor, associationId?: string): Promise<ShiftTemplateView[]> {
    const templates = await this.templates.list(associationToRead(actor, associationId));
    return templates.map(toTemplateView);
  }

  async createTemplate(actor: Actor, dto: CreateShiftTemplateDto): Promise<ShiftTemplateView> {
    assertCanManageRoster(actor, actor.associationId);
    const laneIds = dto.laneIds ?? [];
    for (const laneId of laneIds) {
      const lane = await this.associations.readableLane(actor, laneId);
      if (lane.associationId !== actor.associationId) throw DomainError.notFound('lane', laneId);
    }
    const template = await this.transactions.run((tx) =>
      this.templates.insert(tx, {
        associationId: actor.associationId,
        name: dto.name,
        kind: dto.kind,
        startMinute: parseHhmm(dto.start)!,
        durationMinutes: dto.durationMinutes,
        weekdays: [...(dto.weekdays ?? [1, 2, 3, 4, 5, 6, 7])].sort((a, b) => a - b),
        minOnDuty: dto.minOnDuty ?? 1,
        laneIds,
        active: true,
      }),
    );
    return toTemplateView(template);
  }

  async listShifts(actor: Actor, query: RosterPeriodQuery): Promise<ShiftResponse[]> {
    const associationId = associationToRead(actor, query.associationId);
    const rows = await this.shifts.rowsInPeriod(associationId, periodOf(query.from, query.to));
    return toShiftViews(rows, this.clock.now());
  }

  /** A one-off shift the council adds by hand (a market day, a lane event). */
  async createShift(actor: Actor, dto: CreateDutyShiftDto): Promise<ShiftResponse> {
    assertCanManageRoster(actor, actor.associationId);
    const period = periodOf(dto.from, dto.to, 1);
    return this.transactions.run(async (tx) => {
      const id = await this.shifts.insertOneOff(tx, {
        associationId: actor.associationId,
        kind: dto.kind,
        name: dto.name,
        startsAt: period.from,
        endsAt: period.to,
        minOnDuty: dto.minOnDuty ?? 1,
      });
      return this.shiftView(id, tx);
    });
  }

  async shiftView(shiftId: string, tx?: Tx): Promise<ShiftResponse> {
    const rows = await this.shifts.rowsOfShift(shiftId, tx);
    return toShiftViews(rows, this.clock.now())[0]!;
  }

  async coverage(actor: Actor, query: RosterPeriodQuery): Promise<CoverageView> {
    const associationId = associationToRead(actor, query.associationId);
    const period = periodOf(query.from, query.to);
    const gaps = await this.gapsIn(associationId, period);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      gaps: gaps.map(toGapView),
    };
  }

  /**
   * Every stretch of the period where fewer people are on the roster than must be on duty: the
   * association's duty requirements, or a shift's own minimum where it asks for more. Wardens and
   * volunteers are counted apart. Days without a single shift are gaps too.
   */
  async gapsIn(associationId: string, period: Interval, tx?: Tx): Promise<CoverageSegment[]> {
    const [shifts, rules] = await Promise.all([
      this.shifts.staffedIn(associationId, period, tx),
      this.requirements.rules(associationId, tx),
    ]);
    return coverageGaps(
      period,
      shifts.map((s) => ({
        id: s.id,
        from: s.startsAt,
        to: s.endsAt,
        required: s.minOnDuty,
        track: s.kind,
      })),
      shifts.flatMap((s) => Array.from({ length: s.scheduled }, () => ({ shiftId: s.id }))),
      requirementNeeds(period, rules),
    );
  }

  /**
   * The gaps of the next seven days from now, for the public board (公示) and the council: times
   * and how many are missing, no names.
   */
  async gapsAhead(
    associationId: string,
    tx?: Tx,
    now: Date = this.clock.now(),
  ): Promise<CoverageGapView[]> {
    const period = { from: now, to: new Date(now.getTime() + GAPS_AHEAD_DAYS * DAY_MS) };
    return (await this.gapsIn(associationId, period, tx)).map(toGapView);
  }

  /**
   * Whether a member was signed in on a shift at a moment: for scans, check-ins and violations
   * to record whether their warden was on duty. A shift nobody signed out of ends with the shift.
   * Pass the caller's transaction first; `isOnDuty(memberId, at)` is the older form.
   */
  isOnDuty(tx: Tx, memberId: string, at: Date): Promise<boolean>;
  isOnDuty(memberId: string, at: Date): Promise<boolean>;
  isOnDuty(...args: [Tx, string, Date] | [string, Date]): Promise<boolean> {
    if (typeof args[0] === 'string') {
      const [memberId, at] = args as [string, Date];
      return this.assignments.isOnDuty(memberId, at);
    }
    const [tx, memberId, at] = args as [Tx, string, Date];
    return this.assignments.isOnDuty(memberId, at, tx);
  }

  async onDutyNow(actor: Actor, associationId?: string): Promise<OnDutyView[]> {
    return this.onDutyAt(associationToRead(actor, associationId), this.clock.now());
  }

  async onDutyAt(associationId: string, at: Date, tx?: Tx): Promise<OnDutyView[]> {
    return (await this.assignments.onDutyAt(associationId, at, tx)).map(toOnDutyView);
  }

  /** The shift if the actor may read its association; otherwise 404, revealing nothing. */
  async readableShift(actor: Actor, id: string, tx?: Tx): Promise<DutyShift> {
    const shift = await this.shifts.find(id, tx);
    if (!shift || !canReadAssociation(actor, shift.associationId)) {
      throw DomainError.notFound('shift', id);
    }
    return shift;
  }
}
