import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { normalisePlate } from '../associations/plate';
import { assertCouncilOf } from '../associations/scope';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import { PermitsService } from '../permits/permits.service';
import { RostersService } from '../rosters/rosters.service';
import { windowActiveAt } from '../spaces/time-windows';
import {
  citeArticle,
  type ParameterName,
  type RulesInForce,
} from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { penaltyStepFor, suspensionEnds } from '../conventions/penalty-ladder';
import type {
  AppealDecisionDto,
  AppealDto,
  RecordViolationDto,
  ViolationQuery,
  ViolationView,
} from './violation.dto';
import { Violation, type ViolationKind } from './violation.entity';
import { toViolationView } from './violation-views';

// A warden's phone clock may run a little ahead of the server's.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The article a kind of violation falls under when the warden does not name one. */
const KIND_PARAMETER: Record<ViolationKind, ParameterName> = {
  no_permit: 'penaltyLadder',
  wrong_space: 'penaltyLadder',
  overstay: 'sharedGraceMinutes',
  blocking_passage: 'noParkingWindows',
  no_parking_window: 'noParkingWindows',
};

/** Violations, persuasion first: the convention's penalty ladder decides each step. */
@Injectable()
export class ViolationsService {
  private readonly logger = new Logger(ViolationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly vehicles: VehiclesService,
    private readonly permits: PermitsService,
    private readonly rosters: RostersService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  async record(actor: Actor, dto: RecordViolationDto): Promise<ViolationView> {
    if (actor.role !== 'warden' && actor.role !== 'admin') throw DomainError.forbidden();
    const now = this.clock.now();
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw DomainError.invalid('违约时间不能在将来 / occurredAt cannot be in the future');
    }
    const rules = await this.rules.rulesInForce(actor.associationId, occurredAt);
    const onDuty =
      actor.role === 'warden' ? await this.rosters.isOnDuty(actor.memberId, occurredAt) : null;
    this.assertMayRecord(rules, dto.kind, occurredAt, onDuty);
    const violation = await this.enter(
      actor.associationId,
      actor.memberId,
      dto,
      rules,
      now,
      onDuty,
    );
    return toViolationView(violation, actor);
  }

  /**
   * For off-peak sharing: an overstay it flagged in a shared car park becomes a violation of the
   * household's record, on the same ladder (recorded by the system, not a warden).
   */
  async recordFlaggedOverstay(input: {
    associationId: string;
    plate: string;
    place: string;
    occurredAt: Date;
  }): Promise<ViolationView> {
    const rules = await this.rules.rulesInForce(input.associationId, input.occurredAt);
    const dto = {
      kind: 'overstay' as const,
      plate: input.plate,
      place: input.place,
      occurredAt: input.occurredAt.toISOString(),
    };
    const violation = await this.enter(
      input.associationId,
      null,
      dto,
      rules,
      this.clock.now(),
      null,
    );
    return toViolationView(violation, null);
  }

  /** Records the violation at the ladder step it reaches, then suspends and notifies. */
  private async enter(
    associationId: string,
    recordedBy: string | null,
    dto: RecordViolationDto,
    rules: RulesInForce,
    now: Date,
    recorderOnDuty: boolean | null,
  ): Promise<Violation> {
    const articleNumber = await this.articleNumber(rules, dto);
    const plate = normalisePlate(dto.plate);
    const vehicle = await this.vehicles.findByPlate(associationId, plate);

    const violation = await this.dataSource.transaction(async (em) => {
      // Two wardens recording the same car at once must not both see "first violation".
      const subject = vehicle?.householdId ?? plate;
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('violation:' || $1))`, [subject]);
      // Read "now" only once the lock is held, so the order of the records is the order of the
      // lock: a request that computed its time earlier but waited must not miss the other one.
      const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : this.clock.now();
      const priors: { occurred_at: Date }[] = await em.query(
        `SELECT occurred_at FROM violation
          WHERE association_id = $1 AND appeal_status <> 'overturned' AND occurred_at <= $2
            AND ${vehicle ? 'household_id = $3' : 'plate = $3'}`,
        [associationId, occurredAt, subject],
      );
      const step = penaltyStepFor(
        rules.parameters.penaltyLadder,
        priors.map((p) => p.occurred_at),
        occurredAt,
      );
      return em.getRepository(Violation).save(
        em.getRepository(Violation).create({
          associationId: associationId,
          versionId: rules.versionId,
          articleNumber,
          kind: dto.kind,
          plate,
          vehicleId: vehicle?.id ?? null,
          householdId: vehicle?.householdId ?? null,
          place: dto.place,
          occurredAt,
          photo: dto.photo ?? null,
          recordedBy,
          recorderOnDuty,
          step: step.step,
          action: step.action,
          suspendedUntil: suspensionEnds(step, now),
          appealStatus: 'none',
        }),
      );
    });

    if (violation.action === 'suspension' && violation.vehicleId && violation.suspendedUntil) {
      // Through the permit lifecycle, so its QR scans `suspended` and the suspension ends by itself.
      const permit = await this.permits.activeResidentPermitOf(violation.vehicleId);
      if (permit) {
        await this.permits.suspend(
          permit.id,
          violation.suspendedUntil,
          `第${violation.step}次违约停车 / violation ${violation.step} within the ladder's window`,
          'system',
        );
        violation.permitId = permit.id;
        await this.dataSource
          .getRepository(Violation)
          .update(violation.id, { permitId: permit.id });
      }
    }
    if (violation.householdId && violation.action !== 'persuasion') {
      // The written notice (书面告知) reaches the household on its live connection.
      this.push(
        rooms.household(violation.householdId),
        'violation.recorded',
        toViolationView(violation, null),
      );
    }
    return violation;
  }

  async list(actor: Actor, query: ViolationQuery): Promise<Page<ViolationView>> {
    if (actor.role === 'unit') throw DomainError.forbidden();
    const qb = this.dataSource
      .getRepository(Violation)
      .createQueryBuilder('v')
      .where('v.associationId = :associationId', { associationId: actor.associationId });
    if (actor.role === 'resident' || actor.role === 'viewer') {
      if (!actor.householdId) return pageOf([], 0, query);
      qb.andWhere('v.householdId = :own', { own: actor.householdId });
    }
    if (query.appealStatus) qb.andWhere('v.appealStatus = :s', { s: query.appealStatus });
    const [rows, total] = await qb
      .orderBy('v.occurredAt', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((v) => toViolationView(v, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<ViolationView> {
    const violation = await this.readable(actor, id, true);
    return { ...toViolationView(violation, actor), photo: violation.photo };
  }

  /** The household disputes a violation; the council decides (every proposal gets an answer). */
  async appeal(actor: Actor, id: string, dto: AppealDto): Promise<ViolationView> {
    const violation = await this.readable(actor, id);
    if (!actor.householdId || actor.householdId !== violation.householdId) {
      throw DomainError.forbidden(
        '只有被记录的住户可以申诉 / only the household concerned may appeal',
      );
    }
    const result = await this.dataSource
      .getRepository(Violation)
      .update({ id, appealStatus: 'none' }, { appealStatus: 'pending', appealReason: dto.reason });
    if (!result.affected) {
      throw DomainError.conflict('该记录已申诉 / this violation has already been appealed');
    }
    return this.get(actor, id);
  }

  async decide(actor: Actor, id: string, dto: AppealDecisionDto): Promise<ViolationView> {
    const violation = await this.readable(actor, id);
    assertCouncilOf(actor, violation.associationId);
    const result = await this.dataSource.getRepository(Violation).update(
      { id, appealStatus: 'pending' },
      {
        appealStatus: dto.decision,
        appealNote: dto.note,
        appealDecidedBy: actor.memberId,
        appealDecidedAt: this.clock.now(),
      },
    );
    if (!result.affected) throw DomainError.conflict('没有待决的申诉 / there is no pending appeal');
    if (dto.decision === 'overturned' && violation.permitId) {
      await this.liftSuspension(actor, violation.permitId, `申诉成立 / appeal upheld: ${dto.note}`);
    }
    const decided = await this.get(actor, id);
    if (violation.householdId) {
      this.push(rooms.household(violation.householdId), 'violation.appealDecided', {
        id,
        appealStatus: dto.decision,
        appealNote: dto.note,
      });
    }
    return decided;
  }

  /** An appeal upheld in the household's favour lifts the suspension it caused. */
  private async liftSuspension(actor: Actor, permitId: string, reason: string): Promise<void> {
    try {
      await this.permits.reinstate(actor, permitId, reason);
    } catch (error) {
      // Already ended or revoked since: nothing left to lift.
      this.logger.warn(`reinstating permit ${permitId}: ${String(error)}`);
    }
  }

  private async readable(actor: Actor, id: string, withPhoto = false): Promise<Violation> {
    const qb = this.dataSource
      .getRepository(Violation)
      .createQueryBuilder('v')
      .where('v.id = :id', { id });
    if (withPhoto) qb.addSelect('v.photo');
    const violation = await qb.getOne();
    const visible =
      violation &&
      canReadAssociation(actor, violation.associationId) &&
      (actor.role === 'admin' ||
        actor.role === 'warden' ||
        (actor.householdId !== null && actor.householdId === violation.householdId));
    if (!visible) throw DomainError.notFound('violation', id);
    return violation;
  }

  /** `onDuty` is null when the recorder is not a warden (the council may always record). */
  private assertMayRecord(
    rules: RulesInForce,
    kind: ViolationKind,
    at: Date,
    onDuty: boolean | null,
  ): void {
    if (rules.parameters.violationsOnlyByWardensOnDuty && onDuty === false) {
      throw DomainError.forbidden(
        citeArticle(
          rules,
          'violationsOnlyByWardensOnDuty',
          'only a warden on duty may record a violation',
        ),
      );
    }
    if (
      kind === 'no_parking_window' &&
      !rules.parameters.noParkingWindows.some((w) => windowActiveAt(w, at))
    ) {
      throw DomainError.conflict(
        citeArticle(
          rules,
          'noParkingWindows',
          'no no-parking window of the convention covers that time',
        ),
      );
    }
  }

  private async articleNumber(
    rules: RulesInForce,
    dto: RecordViolationDto,
  ): Promise<number | null> {
    if (dto.articleNumber === undefined) {
      const article =
        rules.articleFor(KIND_PARAMETER[dto.kind]) ?? rules.articleFor('penaltyLadder');
      return article?.number ?? null;
    }
    const exists: unknown[] = rules.versionId
      ? await this.dataSource.query(
          `SELECT 1 FROM convention_article WHERE version_id = $1 AND number = $2`,
          [rules.versionId, dto.articleNumber],
        )
      : [];
    if (exists.length === 0) {
      throw DomainError.invalid(
        `现行公约没有第${dto.articleNumber}条 / the convention in force has no article ${dto.articleNumber}`,
      );
    }
    return dto.articleNumber;
  }

  private push(room: string, event: string, payload: unknown): void {
    const message: LivePush = { room, event, payload };
    this.events.emit(LIVE_PUSH, message);
  }
}
