import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import { HouseholdsService } from '../associations/households.service';
import { VehiclesService } from '../associations/vehicles.service';
import { mayReadPlate } from '../associations/views';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { maskPlate } from '../common/masking';
import type { RulesInForce } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { assertVehicleQuota } from '../conventions/vehicles-per-household';
import { Transactions, type Tx } from '../database/transactions';
import { type IssueSharedPermit, PermitsService } from '../permits/permits.service';
import type { AdmissionMethod, AdmissionView, RegisterAllocationDto } from './dto/allocation.dto';
import { DrawsService } from './draws.service';
import { OfferEligibilityService } from './offer-eligibility.service';
import type { OffPeakOffer } from './off-peak-offer';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { OffersService } from './offers.service';
import { AllocationAdmitted, AllocationCancelled } from './sharing.events';
import {
  assertLenderOrCouncil,
  canBook,
  canMarkPriority,
  canReadAllocation,
  canReadPriority,
  isHolderOf,
  isLendingUnitOf,
} from './sharing.policy';
import { type AllocationRow, StandingAllocationRepository } from './standing-allocation.repository';
import type { AllocationResponse } from '../shared/api/sharing';

const MONTH_MS = 31 * 86_400_000;

/** An allocation being admitted, as the shared permit it earns is issued. */
interface AdmittedAllocation extends IssueSharedPermit {
  allocationId: string;
}

/**
 * Standing allocations (monthly passes): residents register, the unit or council admits a batch
 * in registration order, the rest wait with a visible position; a freed place goes to the next.
 */
@Injectable()
export class AllocationsService {
  private readonly logger = new Logger(AllocationsService.name);

  constructor(
    private readonly offersService: OffersService,
    private readonly offers: OffPeakOfferRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly vehicles: VehiclesService,
    private readonly households: HouseholdsService,
    private readonly conventions: ConventionRulesService,
    private readonly permits: PermitsService,
    private readonly draws: DrawsService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly eligibility: OfferEligibilityService,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, offerId: string, dto: RegisterAllocationDto) {
    if (!canBook(actor)) throw new DomainError('allocation.resident_only');
    const offer = await this.offersService.readable(actor, offerId);
    const vehicle = await this.vehicles.readable(actor, dto.vehicleId);
    await this.eligibility.assertMay(actor, offer, vehicle.id);
    if (offer.status !== 'live') throw new DomainError('allocation.offer_not_live');
    if (offer.standingPlaces === 0) throw new DomainError('offer.no_standing_places');
    if (dto.termsHash && dto.termsHash !== offer.termsHash)
      throw new DomainError('allocation.terms_changed');
    if (offer.termsText && dto.acceptTerms !== true)
      throw new DomainError('allocation.terms_not_accepted', { termsHash: offer.termsHash });
    const rules = await this.conventions.rulesInForce(vehicle.associationId, this.clock.now());
    const id = await this.transactions.run(async (tx) => {
      // Article 3 (vehiclesPerHousehold): one waiting list holds as many of a household's cars
      // as the convention lets it park; counted under the household's lock.
      await this.households.lockForCars(vehicle.householdId, tx);
      const others = await this.allocations.countOtherCarsOfHousehold(
        tx,
        offer.id,
        vehicle.householdId,
        vehicle.id,
      );
      assertVehicleQuota(rules, others, 'allocation.vehicles_per_household');
      return this.allocations.insert(tx, {
        offerId: offer.id,
        associationId: vehicle.associationId,
        householdId: vehicle.householdId,
        memberId: actor.memberId,
        vehicleId: vehicle.id,
        plate: vehicle.plate,
        plateColor: vehicle.plateColor,
        termsHash: offer.termsHash,
        termsAcceptedAt: this.clock.now(),
      });
    });
    return this.view(actor, id);
  }

  async mine(actor: Actor): Promise<AllocationResponse[]> {
    if (!canBook(actor) || !actor.householdId) return [];
    const rows = await this.allocations.listOfHousehold(actor.householdId);
    return rows.map((r) => toAllocationView(r, actor));
  }

  /** The offer's register and waiting list, for the unit and the council. */
  async list(actor: Actor, offerId: string): Promise<AllocationResponse[]> {
    const offer = await this.offersService.readable(actor, offerId);
    assertLenderOrCouncil(actor, offer, 'offer', offerId);
    const rows = await this.allocations.listOfOffer(offerId);
    return rows.map((r) => toAllocationView(r, actor));
  }

  /** The list's rows in its order, a batch at a time, for the ledger; checked as the list. */
  async inLedgerOrder(actor: Actor, offerId: string): Promise<AsyncIterable<AllocationResponse[]>> {
    const offer = await this.offersService.readable(actor, offerId);
    assertLenderOrCouncil(actor, offer, 'offer', offerId);
    const batches = this.allocations.inLedgerOrder(offerId);
    return (async function* () {
      for await (const rows of batches) yield rows.map((r) => toAllocationView(r, actor));
    })();
  }

  async admitBatch(
    actor: Actor,
    offerId: string,
    count?: number,
    method: AdmissionMethod = 'first_come',
  ): Promise<AdmissionView> {
    const offer = await this.offersService.readable(actor, offerId);
    assertLenderOrCouncil(actor, offer, 'offer', offerId);
    const result = await this.admitOffer(offer, { count, method, by: actor.memberId });
    return {
      admitted: await Promise.all(result.admitted.map((id) => this.view(actor, id))),
      waiting: result.waiting,
      skippedOnePerHousehold: result.skipped,
      drawId: result.drawId,
    };
  }

  /**
   * Admits to the offer's standing places, by a person or (by: null) the rotation job. By
   * lottery: the published draw's order, recorded with the admission in one transaction; a
   * rotation's draw first releases every place held (its permit revoked), then fills every place
   * by the drawn order, for the convention's period.
   */
  async admitOffer(
    offer: OffPeakOffer,
    { count, method, by }: { count?: number; method: AdmissionMethod; by: string | null },
  ): Promise<{ admitted: string[]; skipped: number; waiting: number; drawId: string | null }> {
    const rules = await this.conventions.rulesInForce(offer.associationId, this.clock.now());
    let drawId: string | null = null;
    const admitted = await this.transactions.run(async (tx) => {
      const draw = method === 'lottery' ? await this.draws.openDraw(tx, offer.id) : null;
      if (method === 'first_come') await this.draws.assertNoneOpen(tx, offer.id);
      if (draw?.kind === 'rotation') await this.releaseHolders(tx, offer.id);
      const { admitted, skipped, article } = await this.admit(tx, offer.id, rules, {
        count: draw?.kind === 'rotation' ? undefined : count,
        by,
        order: draw?.order,
        periodMonths: draw?.periodMonths ?? null,
      });
      if (draw) {
        const ids = admitted.map((a) => a.allocationId);
        await this.draws.recordDrawn(tx, draw, ids, by);
        drawId = draw.id;
      }
      if (admitted.length === 0 && skipped > 0) {
        // Everyone waiting already holds a place for their household: say why, citing the rule.
        throw new DomainError('allocation.one_per_household', { rule: 'convention', article });
      }
      return { admitted, skipped };
    });
    const waiting = await this.allocations.waitingCounts([offer.id]);
    return {
      admitted: admitted.admitted.map((a) => a.allocationId),
      skipped: admitted.skipped,
      waiting: waiting.get(offer.id) ?? 0,
      drawId,
    };
  }

  /**
   * The council marks a registration's priority tier (优先: a driver with a disability, a
   * household over 80), one the convention of the offer's association lists; null clears it. Only
   * the council of the registration's own association: it knows the household.
   */
  async setPriority(actor: Actor, id: string, tier: string | null): Promise<AllocationResponse> {
    const row = await this.readable(actor, id);
    if (!canMarkPriority(actor, heldPlace(row)))
      throw new DomainError('allocation.priority_council_only');
    const offer = await this.offers.find(row.offer_id);
    if (!offer) throw DomainError.notFound('allocation', id);
    const rules = await this.conventions.rulesInForce(offer.associationId, this.clock.now());
    if (tier !== null && !rules.parameters.priorityTiers.some((t) => t.key === tier))
      throw new DomainError('allocation.priority_tier_unknown', { tier });
    await this.transactions.run(async (tx) => {
      const locked = await this.allocations.lock(tx, id);
      if (!locked || locked.status !== 'waiting')
        throw new DomainError('allocation.priority_not_waiting');
      await this.allocations.setPriority(tx, id, {
        tier,
        by: actor.memberId,
        at: this.clock.now(),
      });
    });
    return this.view(actor, id);
  }

  /** 轮换: every place held goes back to the waiting list, its shared permit revoked. */
  private async releaseHolders(tx: Tx, offerId: string): Promise<void> {
    await this.offers.lockForChange(tx, offerId);
    for (const holder of await this.allocations.lockHolders(tx, offerId)) {
      await this.allocations.release(tx, holder.id);
      if (holder.permitId) await this.permits.revoke('system', holder.permitId, 'rotation', tx);
    }
  }

  /**
   * The resident withdraws, or the unit/council ends it; a freed place goes to the next in line,
   * or, while a published draw waits to be drawn, to that draw.
   */
  async cancel(actor: Actor, id: string): Promise<AllocationResponse> {
    const row = await this.readable(actor, id);
    const own = isHolderOf(actor, heldPlace(row));
    if (!own) {
      const offer = await this.offersService.readable(actor, row.offer_id);
      assertLenderOrCouncil(actor, offer, 'allocation', id);
    }
    const offer = await this.offers.find(row.offer_id);
    if (!offer) throw DomainError.notFound('allocation', id);
    const rules = await this.conventions.rulesInForce(offer.associationId, this.clock.now());
    await this.transactions.run(async (tx) => {
      // The offer first, as every change of its places does.
      await this.offers.lockForChange(tx, row.offer_id);
      const now = this.clock.now();
      if (!(await this.allocations.cancel(tx, id, now, own ? 'resident' : 'unit')))
        throw new DomainError('allocation.already_cancelled');
      // The place is gone, so is the right to park in it.
      if (row.permit_id) await this.permits.revokeUnlessEnded(row.permit_id, '固定车位已退出', tx);
      if (!own)
        this.events.publish(
          tx,
          new AllocationCancelled(row.member_id, {
            allocationId: id,
            offerId: row.offer_id,
            reason: 'unit',
          }),
        );
      if (row.status !== 'admitted') return;
      // While a published draw waits, the freed place waits for it too (the draw fills it).
      if (await this.draws.isOpen(tx, row.offer_id)) return;
      await this.admit(tx, row.offer_id, rules, { count: 1, by: null });
    });
    return this.view(actor, id);
  }

  /**
   * Admits up to `count` (default: every free standing place) in registration order (or a
   * lottery's drawn `order`), with the
   * offer row locked FOR UPDATE so two batches cannot hand out the same place; the counter's
   * CHECK (standing_admitted <= standing_places) and the unique household_key index back it up.
   */
  private async admit(
    tx: Tx,
    offerId: string,
    rules: RulesInForce,
    {
      count,
      by,
      order,
      periodMonths = null,
    }: {
      count: number | undefined;
      by: string | null;
      order?: string[];
      periodMonths?: number | null;
    },
  ) {
    const offer = await this.offers.lockForChange(tx, offerId);
    if (!offer) throw DomainError.notFound('offer', offerId);
    if (offer.status !== 'live') throw new DomainError('allocation.offer_not_live');
    const now = this.clock.now();
    const onePerHousehold = rules.parameters.standingAllocationOnePerHousehold;
    let free = Math.min(offer.standingPlaces - offer.standingAdmitted, count ?? Infinity);
    const queue = await this.allocations.lockWaiting(tx, offerId);
    // A lottery's order covers the registrations its draw closed over, still waiting; the others
    // (registered after the hash was published) stay in the queue for first come.
    const byId = new Map(queue.map((w) => [w.id, w]));
    const waiting = order ? order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) : queue;
    const held = await this.allocations.admittedHouseholds(tx, offerId);
    const admitted: (AdmittedAllocation & { permitId: string })[] = [];
    let skipped = 0;
    for (const candidate of waiting) {
      if (free <= 0) break;
      if (onePerHousehold && held.has(candidate.householdId)) {
        skipped++;
        continue;
      }
      const admission: AdmittedAllocation = {
        allocationId: candidate.id,
        vehicleId: candidate.vehicleId,
        associationId: candidate.associationId,
        carParkId: offer.carParkId,
        validFrom: now,
        validTo: passEnd(offer, now, periodMonths),
        actorMemberId: by,
        feeCny: Number(offer.monthlyFeeCny),
      };
      const permitId = await this.admitWithPermit(tx, offer, admission, {
        householdKey: onePerHousehold ? candidate.householdId : candidate.id,
      });
      if (!permitId) continue;
      held.add(candidate.householdId);
      free--;
      admitted.push({ ...admission, permitId });
    }
    const article = rules.articleFor('standingAllocationOnePerHousehold')?.number ?? null;
    return { admitted, skipped, article };
  }

  /**
   * The place and the `shared` permit it earns commit together, in the admission's transaction
   * (issue 10): any failure undoes both. A car the permits refuse (it already holds one for this
   * car park) is undone alone, under a savepoint, and stays waiting: null.
   */
  private async admitWithPermit(
    tx: Tx,
    offer: OffPeakOffer,
    admission: AdmittedAllocation,
    { householdKey }: { householdKey: string },
  ): Promise<string | null> {
    try {
      return await this.transactions.savepoint(tx, 'admission', async () => {
        const spaceId = offer.namedSpaces
          ? await this.allocations.freeStandingSpace(tx, offer.id, offer.standingPlaces)
          : null;
        await this.allocations.admit(tx, admission.allocationId, {
          at: admission.validFrom,
          by: admission.actorMemberId,
          householdKey,
          spaceId,
          feeDueCny: admission.feeCny ?? 0,
        });
        const permit = await this.permits.issueShared(admission, tx);
        await this.allocations.setPermit(tx, admission.allocationId, permit.id);
        const row = await this.allocations.find(admission.allocationId, tx);
        this.events.publish(
          tx,
          new AllocationAdmitted(row!.member_id, {
            allocationId: admission.allocationId,
            offerId: offer.id,
            offerTitle: offer.title,
            permitId: permit.id,
          }),
        );
        return permit.id;
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`allocation ${admission.allocationId} stays waiting: ${error.reason}`);
      return null;
    }
  }

  private async view(actor: Actor, id: string): Promise<AllocationResponse> {
    return toAllocationView(await this.readable(actor, id), actor);
  }

  private async readable(actor: Actor, id: string): Promise<AllocationRow> {
    const row = await this.allocations.find(id);
    if (!row || !canReadAllocation(actor, heldPlace(row)))
      throw DomainError.notFound('allocation', id);
    return row;
  }
}

/** A month's pass, or a rotation's period (轮换), never beyond the offer's own end. */
function passEnd(offer: OffPeakOffer, now: Date, periodMonths: number | null = null): Date {
  const held = periodMonths ? addMonths(now, periodMonths) : new Date(now.getTime() + MONTH_MS);
  if (!offer.validTo) return held;
  const end = new Date(`${offer.validTo}T23:59:59+08:00`);
  return end < held ? end : held;
}

function addMonths(at: Date, months: number): Date {
  const next = new Date(at);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

function heldPlace(row: AllocationRow) {
  return {
    householdId: row.household_id,
    associationId: row.association_id,
    residentUnitId: row.resident_unit_id,
  };
}

export function toAllocationView(row: AllocationRow, actor: Actor): AllocationResponse {
  const plateVisible =
    isLendingUnitOf(actor, { residentUnitId: row.resident_unit_id }) ||
    mayReadPlate(actor, { householdId: row.household_id, associationId: row.association_id });
  return {
    id: row.id,
    offerId: row.offer_id,
    offerTitle: row.offer_title,
    status: row.status,
    position: row.position === null ? null : Number(row.position),
    plate: plateVisible ? formatPlate(row.plate) : maskPlate(row.plate),
    plateColor: row.plate_color,
    priorityTier: canReadPriority(actor, heldPlace(row)) ? row.priority_tier : null,
    periodsHeld: row.periods_held,
    spaceCode: row.space_code,
    registeredAt: new Date(row.registered_at).toISOString(),
    admittedAt: row.admitted_at ? new Date(row.admitted_at).toISOString() : null,
    permitId: row.permit_id,
    cancelReason: row.cancel_reason,
    feeDueCny: Number(row.fee_due_cny),
    paidCny: Number(row.fee_paid_cny),
  };
}
