import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import { associationToRead } from '../associations/scope';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { RulesInForce } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { assertVehicleQuota } from '../conventions/vehicles-per-household';
import { Transactions, type Tx } from '../database/transactions';
import { PaymentsService } from '../payments/payments.service';
import type {
  ApplyPermitDto,
  ApprovePermitDto,
  PermitQuery,
  RecordPaymentDto,
} from './dto/permit.dto';
import type { PermitResponse } from '../shared/api/permits';
import type { Permit, PermitActor } from './permit';
import { PermitEventRepository } from './permit-event.repository';
import { PermitLifecycle } from './permit-lifecycle';
import { PermitRepository } from './permit.repository';
import { assertValidity, maxDate, refuseUnless } from './permit-rules';
import { statusAt } from './permit-status';
import {
  canApplyForVehicle,
  canListPermits,
  canReadPermit,
  canShowPermitQr,
  listsOwnHouseholdOnly,
} from './permits.policy';
import { toPermitView } from './views';

const DAY_MS = 86_400_000;

/** Sums of yuan with fen, without binary float dust (0.1 + 0.2). */
function roundFen(cny: number): number {
  return Math.round(cny * 100) / 100;
}
const DEFAULT_PERMIT_DAYS = 365;

export interface IssueSharedPermit {
  vehicleId: string;
  associationId: string;
  carParkId: string;
  validFrom: Date;
  validTo: Date;
  actorMemberId: string | null;
  /** The offer's monthly fee, due on the permit (0: free). */
  feeCny?: number;
}

/**
 * The permit lifecycle: apply → approve / reject → (fee) → active → renew, suspend, revoke. Other
 * features call issueShared, suspend, reinstate and revoke, passing their transaction so their
 * change and the permit's commit together.
 */
@Injectable()
export class PermitsService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly ledger: PermitEventRepository,
    private readonly lifecycle: PermitLifecycle,
    private readonly vehicles: VehiclesService,
    private readonly associations: AssociationsService,
    private readonly households: HouseholdsService,
    private readonly rules: ConventionRulesService,
    private readonly payments: PaymentsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** For the published accounts (收支公示): fees paid on permits, by Beijing month. */
  feesPaidByMonth(
    associationId: string,
    since: Date,
  ): Promise<{ month: string; feeCny: number }[]> {
    return this.ledger.feesPaidByMonth(associationId, since);
  }

  async list(actor: Actor, query: PermitQuery): Promise<Page<PermitResponse>> {
    const associationId = associationToRead(actor, query.associationId);
    if (!canListPermits(actor)) throw new DomainError('role.forbidden');
    const now = this.clock.now();
    const [rows, total] = await this.permits.page(
      {
        associationId,
        householdId: listsOwnHouseholdOnly(actor) ? actor.householdId : undefined,
        kind: query.kind,
        vehicleId: query.vehicleId,
        status: query.status,
        now,
      },
      skipOf(query),
      query.pageSize,
    );
    const reasons = await this.ledger.refusalReasonsOf(
      rows.filter((p) => p.status === 'rejected').map((p) => p.id),
    );
    return pageOf(
      rows.map((p) => toPermitView(p, actor, now, reasons.get(p.id))),
      total,
      query,
    );
  }

  /** A refused application keeps the council's written reasons, readable by the household. */
  async get(actor: Actor, id: string): Promise<PermitResponse> {
    const permit = await this.readable(actor, id);
    const reasons =
      permit.status === 'rejected'
        ? await this.ledger.refusalReasonsOf([permit.id])
        : new Map<string, string>();
    return toPermitView(permit, actor, this.clock.now(), reasons.get(permit.id));
  }

  /** A permit the actor may read, else 404: readers of its association, or its own household. */
  async readable(actor: Actor, id: string): Promise<Permit> {
    const permit = await this.permits.findById(id);
    if (!permit || !canReadPermit(actor, permit)) throw DomainError.notFound('permit', id);
    return permit;
  }

  /** A permit whose QR and card the actor may have: its household, or the association's staff. */
  async showable(actor: Actor, id: string): Promise<Permit> {
    const permit = await this.readable(actor, id);
    if (!canShowPermitQr(actor, permit)) throw new DomainError('permit.qr_holder_or_staff');
    return permit;
  }

  async apply(actor: Actor, dto: ApplyPermitDto): Promise<PermitResponse> {
    const vehicle = await this.vehicles.readable(actor, dto.vehicleId);
    if (!canApplyForVehicle(actor, vehicle)) throw new DomainError('council.only');
    if (dto.laneId) await this.associations.readableLane(actor, dto.laneId);
    const now = this.clock.now();
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const validTo = dto.validTo
      ? new Date(dto.validTo)
      : new Date(validFrom.getTime() + DEFAULT_PERMIT_DAYS * DAY_MS);
    assertValidity(validFrom, validTo);
    const rules = await this.rules.rulesInForce(vehicle.associationId, now);
    const months = Math.max(
      1,
      Math.ceil((validTo.getTime() - validFrom.getTime()) / (30 * DAY_MS)),
    );
    const permit = await this.transactions.run(async (tx) => {
      await this.assertRoomForCar(rules, vehicle, now, { pending: true }, tx);
      const saved = await this.permits.insert(
        {
          associationId: vehicle.associationId,
          kind: 'resident',
          vehicleId: vehicle.id,
          householdId: vehicle.householdId,
          plate: vehicle.plate,
          laneId: dto.laneId ?? null,
          status: 'pending',
          validFrom,
          validTo,
          feeCny: rules.parameters.monthlyFeeCny * months,
          appliedBy: actor.memberId,
          note: dto.note ?? '',
          at: now,
        },
        tx,
      );
      await this.ledger.record(
        {
          permitId: saved.id,
          associationId: saved.associationId,
          type: 'applied',
          actorMemberId: actor.memberId,
          at: now,
        },
        tx,
      );
      return saved;
    });
    return toPermitView(permit, actor, now);
  }

  async approve(actor: Actor, id: string, dto: ApprovePermitDto): Promise<PermitResponse> {
    const rules = await this.rules.rulesInForce(actor.associationId, this.clock.now());
    const permit = await this.lifecycle.transition(actor, id, async (p, now, tx) => {
      refuseUnless(p.status === 'pending', 'permit.not_pending', p);
      if (p.feeCny > 0 && !p.feePaidAt) {
        throw new DomainError('permit.fee_unpaid', {
          number: p.number,
          feeCny: p.feeCny,
          article: rules.articleFor('monthlyFeeCny')?.number ?? null,
        });
      }
      const validFrom = dto.validFrom ? new Date(dto.validFrom) : maxDate(p.validFrom, now);
      const validTo = dto.validTo ? new Date(dto.validTo) : p.validTo;
      assertValidity(validFrom, validTo);
      if (p.kind === 'resident' && p.vehicleId && p.householdId) {
        const car = { id: p.vehicleId, householdId: p.householdId, plate: p.plate };
        await this.assertRoomForCar(rules, car, now, { pending: false }, tx);
      }
      await this.lifecycle.expireLapsed(p, now, tx);
      return { type: 'approved', set: { status: 'active', validFrom, validTo } };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  /**
   * The convention's vehiclesPerHousehold (article 3): an application counts the household's
   * other cars with a permit or an application; an approval, those with a permit in force.
   */
  private async assertRoomForCar(
    rules: RulesInForce,
    car: { id: string; householdId: string | null; plate: string },
    now: Date,
    count: { pending: boolean },
    tx: Tx,
  ): Promise<void> {
    if (!car.householdId) return;
    await this.households.lockForCars(car.householdId, tx);
    const others = await this.permits.countOtherCarsWithPermits(
      car.householdId,
      car.id,
      now,
      count,
      tx,
    );
    assertVehicleQuota(rules, others, 'permit.vehicles_per_household', {
      plate: formatPlate(car.plate),
    });
  }

  async reject(actor: Actor, id: string, reason: string): Promise<PermitResponse> {
    const permit = await this.lifecycle.transition(actor, id, async (p) => {
      refuseUnless(p.status === 'pending', 'permit.not_pending', p);
      return { type: 'rejected', reason, set: { status: 'rejected' } };
    });
    return toPermitView(permit, actor, this.clock.now(), reason);
  }

  /**
   * 登记缴费: the payment is a row of the ledger and adds to what the permit has paid, in the
   * permit's transaction; the fee counts as paid once the payments cover it.
   */
  async recordPayment(actor: Actor, id: string, dto: RecordPaymentDto): Promise<PermitResponse> {
    const permit = await this.lifecycle.transition(actor, id, async (p, now, tx) => {
      refuseUnless(p.status === 'pending' || p.status === 'active', 'permit.not_payable', p);
      const method = dto.method ?? 'cash';
      const receiptNumber = dto.receiptNumber ?? null;
      await this.payments.record(
        {
          associationId: p.associationId,
          subject: { permitId: p.id },
          householdId: p.householdId,
          plate: p.plate,
          reference: `No.${p.number}`,
          amountCny: dto.amountCny,
          method,
          receiptNumber,
          note: dto.note ?? '',
          recordedBy: actor.memberId,
          recordedAt: now,
        },
        tx,
      );
      const paidCny = roundFen(p.paidCny + dto.amountCny);
      return {
        type: 'fee_paid',
        reason: dto.note,
        details: { amountCny: dto.amountCny, method, receiptNumber },
        set: { paidCny, feePaidAt: paidCny >= p.feeCny ? (p.feePaidAt ?? now) : p.feePaidAt },
      };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  async renew(actor: Actor, id: string, validTo: Date): Promise<PermitResponse> {
    const permit = await this.lifecycle.transition(actor, id, async (p) => {
      refuseUnless(p.status === 'active' || p.status === 'expired', 'permit.not_renewable', p);
      assertValidity(p.validFrom, validTo);
      // A renewed permit gets a fresh token (signed on first use) carrying the new expiry.
      return {
        type: 'renewed',
        details: { from: p.validTo, to: validTo },
        set: { status: 'active', validTo, forgetToken: true },
      };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  /**
   * The vehicle's active resident permit (the one its QR shows in the lane), for the
   * convention's penalty ladder to suspend; null when it holds none.
   */
  activeResidentPermitOf(vehicleId: string, tx?: Tx): Promise<Permit | null> {
    return this.permits.activeResidentOf(vehicleId, tx);
  }

  /**
   * For the council and for other features (the convention's penalty ladder passes 'system').
   * The suspension ends by itself at `until`: status is computed from suspended_until.
   */
  async suspend(
    permitId: string,
    until: Date,
    reason: string,
    by: PermitActor,
    tx?: Tx,
  ): Promise<Permit> {
    return this.lifecycle.transition(
      by,
      permitId,
      async (p, now) => {
        refuseUnless(
          statusAt(p, now) !== 'expired' && p.status === 'active',
          'permit.not_active',
          p,
        );
        if (until <= now) throw new DomainError('permit.suspension_in_past');
        return {
          type: 'suspended',
          reason,
          details: { until },
          set: { suspendedUntil: until, suspensionReason: reason },
        };
      },
      tx,
    );
  }

  async reinstate(actor: Actor, id: string, reason: string, tx?: Tx): Promise<PermitResponse> {
    const permit = await this.lifecycle.transition(
      actor,
      id,
      async (p, now) => {
        refuseUnless(statusAt(p, now) === 'suspended', 'permit.not_suspended', p);
        return {
          type: 'reinstated',
          reason,
          set: { suspendedUntil: null, suspensionReason: null },
        };
      },
      tx,
    );
    return toPermitView(permit, actor, this.clock.now());
  }

  async revoke(by: PermitActor, id: string, reason: string, tx?: Tx): Promise<Permit> {
    return this.lifecycle.transition(
      by,
      id,
      async (p) => {
        refuseUnless(p.status !== 'revoked' && p.status !== 'rejected', 'permit.already_ended', p);
        return { type: 'revoked', reason, set: { status: 'revoked' } };
      },
      tx,
    );
  }

  /**
   * What earned a permit has ended (a standing place given up or an offer ended): the permit ends
   * with it, in `tx`, unless it has ended already.
   */
  async revokeUnlessEnded(id: string, reason: string, tx: Tx): Promise<void> {
    try {
      await this.revoke('system', id, reason, tx);
    } catch (error) {
      if (!(error instanceof DomainError && error.reason === 'permit.already_ended')) throw error;
    }
  }

  /** The register archived a vehicle or household: what it still held ends, in `tx`. */
  async revokeAllOf(
    holder: { vehicleId: string } | { householdId: string },
    reason: string,
    tx: Tx,
  ): Promise<number> {
    const unended = await this.permits.unendedOf(holder, tx);
    for (const permit of unended) await this.revoke('system', permit.id, reason, tx);
    return unended.length;
  }

  /** For the off-peak feature: an allocation in a resident unit's car park becomes a permit. */
  async issueShared(input: IssueSharedPermit, tx?: Tx): Promise<Permit> {
    assertValidity(input.validFrom, input.validTo);
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      // Read with the caller's transaction: an admission holding its connection must not wait
      // for a second one from the pool.
      const vehicle = await this.vehicles.findById(input.vehicleId, tx);
      if (!vehicle || vehicle.associationId !== input.associationId) {
        throw DomainError.notFound('vehicle', input.vehicleId);
      }
      const saved = await this.permits.insert(
        {
          associationId: input.associationId,
          kind: 'shared',
          vehicleId: vehicle.id,
          householdId: vehicle.householdId,
          plate: vehicle.plate,
          carParkId: input.carParkId,
          status: 'active',
          validFrom: input.validFrom,
          validTo: input.validTo,
          feeCny: input.feeCny ?? 0,
          appliedBy: input.actorMemberId,
          at: now,
        },
        tx,
      );
      await this.lifecycle.expireLapsed(saved, now, tx);
      await this.ledger.record(
        {
          permitId: saved.id,
          associationId: saved.associationId,
          type: 'issued',
          actorMemberId: input.actorMemberId,
          at: now,
        },
        tx,
      );
      return saved;
    }, tx);
  }

  /** For scans and plate checks: an association's permits for a plate, the latest ending first. */
  byPlate(associationId: string, plate: string, limit = 10): Promise<Permit[]> {
    return this.permits.findByPlate(associationId, plate, limit);
  }

  byIds(ids: string[]): Promise<Permit[]> {
    return this.permits.findByIds([...new Set(ids)]);
  }

  /** For scans: every permit the household has held, whose scans it may read. */
  ofHousehold(householdId: string): Promise<Permit[]> {
    return this.permits.ofHousehold(householdId);
  }
}
