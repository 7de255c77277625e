import { Injectable, Logger } from '@nestjs/common';
import { normalisePlate } from '../shared/plate';
import { VehiclesService } from '../associations/vehicles.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { type Page, pageOf, skipOf } from '../common/pagination';
import {
  articleLabel,
  type ParameterName,
  type RulesInForce,
} from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { penaltyStepFor, suspensionEnds } from '../conventions/penalty-ladder';
import { Transactions, type Tx } from '../database/transactions';
import { PermitsService } from '../permits/permits.service';
import { RostersService } from '../rosters/rosters.service';
import { windowActiveAt } from '../spaces/time-windows';
import type {
  AppealDecisionDto,
  AppealDto,
  RecordViolationDto,
  ViolationQuery,
} from './violation.dto';
import type { ViolationResponse } from '../shared/api/violations';
import type { Violation, ViolationKind } from './violation';
import { type LadderSubject, ViolationRepository } from './violation.repository';
import { toViolationView } from './violation-views';
import { PersuasionsService } from './persuasions/persuasions.service';
import { AppealDecided, ViolationRecorded } from './violations.events';
import {
  canAppeal,
  canDecideAppeal,
  canListViolations,
  canReadViolation,
  canRecordViolation,
  recordsAsWarden,
} from './violations.policy';
import { ledgerReaderView, violationFilter, violationReaderOf } from './violation-ledger-scope';
import { associationToRead } from '../associations/scope';

/** The rule a violation cites, decided before it is entered. */
interface Citation {
  rule: Violation['citedRule'];
  articleNumber: number | null;
  graceMinutes: number | null;
}

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
    private readonly violations: ViolationRepository,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly rules: ConventionRulesService,
    private readonly vehicles: VehiclesService,
    private readonly permits: PermitsService,
    private readonly rosters: RostersService,
    private readonly persuasions: PersuasionsService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, dto: RecordViolationDto): Promise<ViolationResponse> {
    if (!canRecordViolation(actor, actor.associationId)) {
      throw new DomainError('violation.recorders_only');
    }
    const now = this.clock.now();
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new DomainError('violation.in_future');
    }
    const rules = await this.rules.rulesInForce(actor.associationId, occurredAt);
    const onDuty = recordsAsWarden(actor, actor.associationId)
      ? await this.rosters.isOnDuty(actor.memberId, occurredAt)
      : null;
    assertMayRecord(rules, dto.kind, occurredAt, onDuty);
    const citation: Citation = {
      rule: 'convention',
      articleNumber: articleOf(rules, dto),
      graceMinutes: dto.kind === 'overstay' ? rules.parameters.sharedGraceMinutes : null,
    };
    const violation = await this.enter(
      actor.associationId,
      actor.memberId,
      dto,
      rules,
      citation,
      onDuty,
    );
    return { ...toViolationView(violation, actor), persuasionId: violation.persuasionId ?? null };
  }

  /**
   * For off-peak sharing: an overstay it flagged in a shared car park becomes a violation of the
   * household's record, on the same ladder (recorded by the system, not a warden). It cites the
   * grace that applied: the convention's article, or the unit's own terms and their minutes.
   */
  async recordFlaggedOverstay(
    input: {
      associationId: string;
      plate: string;
      place: string;
      occurredAt: Date;
      /** minutes null: a message from before they were sent; the convention's then. */
      grace: { rule: 'convention' | 'offer'; minutes: number | null };
    },
    tx?: Tx,
  ): Promise<ViolationResponse> {
    const rules = await this.rules.rulesInForce(input.associationId, input.occurredAt);
    const dto = {
      kind: 'overstay' as const,
      plate: input.plate,
      place: input.place,
      occurredAt: input.occurredAt.toISOString(),
    };
    const citation: Citation =
      input.grace.rule === 'offer'
        ? { rule: 'offer', articleNumber: null, graceMinutes: input.grace.minutes }
        : {
            rule: 'convention',
            articleNumber: articleOf(rules, dto),
            graceMinutes: input.grace.minutes ?? rules.parameters.sharedGraceMinutes,
          };
    const violation = await this.enter(input.associationId, null, dto, rules, citation, null, tx);
    return toViolationView(violation, null);
  }

  /**
   * Records the violation at the ladder step it reaches and, on a suspension step, suspends the
   * car's permit in the same transaction: both are kept, or neither.
   */
  private async enter(
    associationId: string,
    recordedBy: string | null,
    dto: RecordViolationDto,
    rules: RulesInForce,
    citation: Citation,
    recorderOnDuty: boolean | null,
    outer?: Tx,
  ): Promise<Violation> {
    const plate = normalisePlate(dto.plate);
    const vehicle = await this.vehicles.findByPlate(associationId, plate);
    const subject: LadderSubject = vehicle?.householdId
      ? { householdId: vehicle.householdId }
      : { plate };

    return this.transactions.run(async (tx) => {
      await this.violations.lockLadder(subject, tx);
      // Read "now" only once the lock is held, so the order of the records is the order of the
      // lock: a request that computed its time earlier but waited must not miss the other one.
      const now = this.clock.now();
      const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
      const earlier = await this.violations.earlierDates(associationId, subject, occurredAt, tx);
      const step = penaltyStepFor(rules.parameters.penaltyLadder, earlier, occurredAt);
      const violation = await this.violations.insert(
        {
          associationId,
          versionId: rules.versionId,
          articleNumber: citation.articleNumber,
          citedRule: citation.rule,
          graceMinutes: citation.graceMinutes,
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
        },
        tx,
      );
      if (violation.suspendedUntil && violation.vehicleId) {
        const reason = suspensionReason(rules, violation.step);
        violation.permitId = await this.suspendPermit(violation, reason, now, tx);
      }
      if (dto.outcome) {
        const persuasion = await this.persuasions.recordWithViolation(
          violation,
          { note: dto.note, outcome: dto.outcome },
          tx,
        );
        violation.persuasionId = persuasion.id;
      }
      this.events.publish(tx, new ViolationRecorded(violation));
      return violation;
    }, outer);
  }

  /**
   * Through the permit lifecycle, so its QR scans `suspended` and the suspension ends by itself.
   * A permit that has lapsed has nothing to suspend; any other failure undoes the violation too.
   */
  private async suspendPermit(
    violation: Violation,
    reason: string,
    now: Date,
    tx: Tx,
  ): Promise<string | null> {
    const permit = await this.permits.activeResidentPermitOf(violation.vehicleId!, tx);
    if (!permit || permit.validTo <= now) return null;
    await this.permits.suspend(permit.id, violation.suspendedUntil!, reason, 'system', tx);
    await this.violations.setPermit(violation.id, permit.id, tx);
    return permit.id;
  }

  async list(actor: Actor, query: ViolationQuery): Promise<Page<ViolationResponse>> {
    if (!canListViolations(actor)) throw new DomainError('violation.units_cannot_read');
    const associationId = associationToRead(actor, query.associationId);
    // The same reader, rows and fields as the export (violation-ledger.service.ts).
    const reader = violationReaderOf(actor, associationId);
    if (reader.household === null) return pageOf([], 0, query);
    const filter = violationFilter(associationId, query, reader.household);
    const { rows, total } = await this.violations.page(filter, skipOf(query), query.pageSize);
    return pageOf(
      rows.map((v) =>
        reader.sight === 'member'
          ? toViolationView(v, actor)
          : ledgerReaderView(v, actor, reader.sight === 'council'),
      ),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<ViolationResponse> {
    const violation = await this.readable(actor, id, true);
    return { ...toViolationView(violation, actor), photo: violation.photo ?? null };
  }

  /** The household disputes a violation; the council decides (every proposal gets an answer). */
  async appeal(actor: Actor, id: string, dto: AppealDto): Promise<ViolationResponse> {
    const violation = await this.readable(actor, id);
    if (!canAppeal(actor, violation)) throw new DomainError('violation.household_only_appeals');
    if (!(await this.violations.appeal(id, dto.reason))) {
      throw new DomainError('violation.already_appealed');
    }
    return this.get(actor, id);
  }

  async decide(actor: Actor, id: string, dto: AppealDecisionDto): Promise<ViolationResponse> {
    const violation = await this.readable(actor, id);
    if (!canDecideAppeal(actor, violation)) throw new DomainError('council.only');
    const decided = await this.violations.decide(id, {
      status: dto.decision,
      note: dto.note,
      by: actor.memberId,
      at: this.clock.now(),
    });
    if (!decided) throw new DomainError('violation.no_pending_appeal');
    if (dto.decision === 'overturned' && violation.permitId) {
      await this.liftSuspension(actor, violation.permitId, `申诉成立：${dto.note}`);
    }
    this.events.publish(
      undefined,
      new AppealDecided(violation.associationId, id, violation.householdId, dto.decision, dto.note),
    );
    return this.get(actor, id);
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
    const violation = await this.violations.findById(id, { withPhoto });
    if (!violation || !canReadViolation(actor, violation)) {
      throw DomainError.notFound('violation', id);
    }
    return violation;
  }
}

/** `onDuty` is null when the recorder is not a warden (the council may always record). */
function assertMayRecord(
  rules: RulesInForce,
  kind: ViolationKind,
  at: Date,
  onDuty: boolean | null,
): void {
  if (rules.parameters.violationsOnlyByWardensOnDuty && onDuty === false) {
    const article = rules.articleFor('violationsOnlyByWardensOnDuty');
    throw new DomainError('violation.warden_off_duty', { article: article?.number ?? null });
  }
  if (
    kind === 'no_parking_window' &&
    !rules.parameters.noParkingWindows.some((w) => windowActiveAt(w, at))
  ) {
    // No article under the default rules: the refusal then names them.
    const article = rules.articleFor('noParkingWindows');
    throw new DomainError('violation.no_window_then', { article: article?.number ?? null });
  }
}

/** The article broken: the one the warden names (it must exist), else the kind's own. */
function articleOf(rules: RulesInForce, dto: RecordViolationDto): number | null {
  if (dto.articleNumber === undefined) {
    const article = rules.articleFor(KIND_PARAMETER[dto.kind]) ?? rules.articleFor('penaltyLadder');
    return article?.number ?? null;
  }
  if (!rules.article(dto.articleNumber)) {
    throw new DomainError('violation.no_such_article', { article: dto.articleNumber });
  }
  return dto.articleNumber;
}

/** Written on the permit's record, where the household reads why it was suspended. */
function suspensionReason(rules: RulesInForce, step: number): string {
  const article = rules.articleFor('penaltyLadder');
  return `第${step}次违约停车${article ? `（公约${articleLabel(article.number)}）` : ''}`;
}
