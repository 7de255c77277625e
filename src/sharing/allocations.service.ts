import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../associations/plate';
import { VehiclesService } from '../associations/vehicles.service';
import { mayReadPlate } from '../associations/views';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { citeArticle } from '../conventions/convention-parameters';
import { type IssueSharedPermit, PermitsService } from '../permits/permits.service';
import { AvailabilityService } from './availability.service';
import type { AdmissionView, AllocationView, RegisterAllocationDto } from './dto/allocation.dto';
import { eligibilityOf } from './eligibility';
import { OffPeakOffer } from './off-peak-offer.entity';
import { OffersService } from './offers.service';
import { assertUnitOrCouncil } from './sharing-access';
import { returnedRows } from './returned-rows';

interface AllocationRow {
  id: string;
  offer_id: string;
  offer_title: string;
  resident_unit_id: string;
  status: 'waiting' | 'admitted' | 'cancelled';
  position: string | null;
  plate: string;
  plate_color: AllocationView['plateColor'];
  household_id: string;
  association_id: string;
  member_id: string;
  vehicle_id: string;
  space_code: string | null;
  registered_at: Date;
  admitted_at: Date | null;
  permit_id: string | null;
  cancel_reason: string | null;
}

const SELECT = `
  SELECT a.id, a.offer_id, o.title AS offer_title, o.resident_unit_id, a.status,
         CASE WHEN a.status = 'waiting' THEN (SELECT count(*) FROM standing_allocation w
           WHERE w.offer_id = a.offer_id AND w.status = 'waiting'
             AND (w.registered_at, w.id) <= (a.registered_at, a.id)) END AS position,
         v.plate, v.plate_color, a.household_id, a.association_id, a.member_id, a.vehicle_id,
         s.code AS space_code, a.registered_at, a.admitted_at, a.permit_id, a.cancel_reason
    FROM standing_allocation a
    JOIN off_peak_offer o ON o.id = a.offer_id
    JOIN vehicle v ON v.id = a.vehicle_id
    LEFT JOIN car_park_space s ON s.id = a.space_id`;

const MONTH_MS = 31 * 86_400_000;

/** An admitted allocation, as the shared permit it earns is issued. */
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
    private readonly vehicles: VehiclesService,
    private readonly availability: AvailabilityService,
    private readonly conventions: ConventionRulesService,
    private readonly permits: PermitsService,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, offerId: string, dto: RegisterAllocationDto) {
    if (actor.role !== 'resident') throw DomainError.forbidden('仅居民车主可登记 / residents only');
    const offer = await this.offers.readable(actor, offerId);
    const vehicle = await this.vehicles.readable(actor, dto.vehicleId);
    const eligibility = eligibilityOf({
      role: actor.role,
      householdId: actor.householdId,
      associationId: vehicle.associationId,
      eligibleAssociationIds: offer.eligibleAssociationIds,
      householdVehicles: 1,
    });
    if (!eligibility.eligible) throw DomainError.forbidden(eligibility.explanation.join('; '));
    if (offer.status !== 'live') throw DomainError.conflict('共享未开放 / the offer is not live');
    if (offer.standingPlaces === 0)
      throw DomainError.conflict('此共享不设长期车位 / this offer has no standing places');
    if (dto.termsHash && dto.termsHash !== offer.termsHash)
      throw DomainError.conflict('免责条款已更新 / the terms changed: read them again');
    if (offer.termsText && dto.acceptTerms !== true)
      throw DomainError.invalid('请先同意免责条款 / accept the unit’s terms (acceptTerms: true)');
    try {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO standing_allocation (offer_id, association_id, household_id, member_id, vehicle_id,
                                          terms_hash, terms_accepted_at, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) RETURNING id`,
        [
          offer.id,
          vehicle.associationId,
          vehicle.householdId,
          actor.memberId,
          vehicle.id,
          offer.termsHash,
          this.clock.now(),
        ],
      );
      return this.view(actor, row!.id);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        /standing_allocation_vehicle_key/.test(error.message)
      )
        throw DomainError.conflict(
          '该车已登记 / this vehicle is already registered for this offer',
        );
      throw error;
    }
  }

  async mine(actor: Actor): Promise<AllocationView[]> {
    if (actor.role !== 'resident' || !actor.householdId) return [];
    const rows: AllocationRow[] = await this.dataSource.query(
      `${SELECT} WHERE a.household_id = $1 ORDER BY a.registered_at`,
      [actor.householdId],
    );
    return rows.map((r) => this.toView(r, actor));
  }

  /** The offer's register and waiting list, for the unit and the council. */
  async list(actor: Actor, offerId: string): Promise<AllocationView[]> {
    const offer = await this.offers.readable(actor, offerId);
    assertUnitOrCouncil(actor, offer, 'offer', offerId);
    const rows: AllocationRow[] = await this.dataSource.query(
      `${SELECT} WHERE a.offer_id = $1 AND a.status <> 'cancelled'
        ORDER BY a.status = 'waiting', a.registered_at, a.id`,
      [offerId],
    );
    return rows.map((r) => this.toView(r, actor));
  }

  async admitBatch(actor: Actor, offerId: string, count?: number): Promise<AdmissionView> {
    const offer = await this.offers.readable(actor, offerId);
    assertUnitOrCouncil(actor, offer, 'offer', offerId);
    const { admitted, skipped, rules } = await this.dataSource.transaction((em) =>
      this.admit(em, offerId, count, actor.memberId),
    );
    if (admitted.length === 0 && skipped > 0) {
      // Everyone waiting already holds a place for their household: say why, citing the convention.
      throw DomainError.conflict(
        citeArticle(
          rules,
          'standingAllocationOnePerHousehold',
          '每户限一个长期车位 / one standing place per household: everyone waiting already holds one',
        ),
      );
    }
    await this.afterAdmission(admitted, actor.memberId);
    const [waiting] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM standing_allocation WHERE offer_id = $1 AND status = 'waiting'`,
      [offerId],
    );
    return {
      admitted: await Promise.all(admitted.map((a) => this.view(actor, a.allocationId))),
      waiting: Number(waiting?.count ?? 0),
      skippedOnePerHousehold: skipped,
    };
  }

  /** The resident withdraws, or the unit/council ends it; a freed place goes to the next in line. */
  async cancel(actor: Actor, id: string): Promise<AllocationView> {
    const row = await this.readable(actor, id);
    const own = actor.role === 'resident' && actor.householdId === row.household_id;
    if (!own) {
      const offer = await this.offers.readable(actor, row.offer_id);
      assertUnitOrCouncil(actor, offer, 'allocation', id);
    }
    const { admitted } = await this.dataSource.transaction(async (em) => {
      await em.findOne(OffPeakOffer, {
        where: { id: row.offer_id },
        lock: { mode: 'pessimistic_write' },
      });
      const [updated] = returnedRows<{ id: string }>(
        await em.query(
          `UPDATE standing_allocation SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3
          WHERE id = $1 AND status <> 'cancelled' RETURNING id`,
          [id, this.clock.now(), own ? 'resident' : 'unit'],
        ),
      );
      if (!updated) throw DomainError.conflict('已取消 / already cancelled');
      return row.status === 'admitted' ? this.admit(em, row.offer_id, 1, null) : { admitted: [] };
    });
    await this.afterAdmission(admitted, null);
    if (!own)
      this.availability.notify(row.member_id, 'allocation.cancelled', {
        allocationId: id,
        offerId: row.offer_id,
        reason: 'unit',
        message: '长期车位已被取消 / your standing place was cancelled by the unit or council',
      });
    return this.view(actor, id);
  }

  /**
   * Admits up to `count` (default: every free standing place) in registration order, with the
   * offer row locked FOR UPDATE so two batches cannot hand out the same place; the counter's
   * CHECK (standing_admitted <= standing_places) and the unique household_key index back it up.
   */
  private async admit(
    em: EntityManager,
    offerId: string,
    count: number | undefined,
    by: string | null,
  ) {
    const offer = await em.findOne(OffPeakOffer, {
      where: { id: offerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!offer) throw DomainError.notFound('offer', offerId);
    if (offer.status !== 'live') throw DomainError.conflict('共享未开放 / the offer is not live');
    const rules = await this.conventions.rulesInForce(offer.associationId, this.clock.now());
    const onePerHousehold = rules.parameters.standingAllocationOnePerHousehold;
    let free = Math.min(offer.standingPlaces - offer.standingAdmitted, count ?? Infinity);
    const waiting: {
      id: string;
      household_id: string;
      vehicle_id: string;
      association_id: string;
    }[] = await em.query(
      `SELECT id, household_id, vehicle_id, association_id FROM standing_allocation
          WHERE offer_id = $1 AND status = 'waiting' ORDER BY registered_at, id FOR UPDATE`,
      [offerId],
    );
    const admittedRows = await em.query<{ household_id: string }[]>(
      `SELECT household_id FROM standing_allocation WHERE offer_id = $1 AND status = 'admitted'`,
      [offerId],
    );
    const held = new Set(admittedRows.map((r) => r.household_id));
    const now = this.clock.now();
    const admitted: AdmittedAllocation[] = [];
    let skipped = 0;
    for (const candidate of waiting) {
      if (free <= 0) break;
      if (onePerHousehold && held.has(candidate.household_id)) {
        skipped++;
        continue;
      }
      const spaceId = offer.namedSpaces ? await this.freeStandingSpace(em, offer) : null;
      await em.query(
        `UPDATE standing_allocation SET status = 'admitted', admitted_at = $2, admitted_by = $3,
                household_key = $4, space_id = $5 WHERE id = $1`,
        [candidate.id, now, by, onePerHousehold ? candidate.household_id : candidate.id, spaceId],
      );
      held.add(candidate.household_id);
      free--;
      admitted.push({
        allocationId: candidate.id,
        vehicleId: candidate.vehicle_id,
        associationId: candidate.association_id,
        carParkId: offer.carParkId,
        validFrom: now,
        validTo: this.passEnd(offer, now),
        actorMemberId: by,
      });
    }
    return { admitted, skipped, rules };
  }

  private async afterAdmission(admitted: AdmittedAllocation[], by: string | null) {
    for (const a of admitted) {
      const permitId = await this.issueSharedPermit({ ...a, actorMemberId: by });
      if (permitId)
        await this.dataSource.query(`UPDATE standing_allocation SET permit_id = $2 WHERE id = $1`, [
          a.allocationId,
          permitId,
        ]);
      const [row] = await this.dataSource.query<AllocationRow[]>(`${SELECT} WHERE a.id = $1`, [
        a.allocationId,
      ]);
      if (row)
        this.availability.notify(row.member_id, 'allocation.admitted', {
          allocationId: a.allocationId,
          offerId: row.offer_id,
          offerTitle: row.offer_title,
          permitId,
          message: '长期车位已获批 / you have a standing place',
        });
    }
  }

  /**
   * The allocation's `shared` permit (its QR scans valid inside the offer's windows). The place
   * stays admitted if it is refused (e.g. the car already holds one for this car park).
   */
  private async issueSharedPermit(allocation: AdmittedAllocation): Promise<string | null> {
    try {
      return (await this.permits.issueShared(allocation)).id;
    } catch (error) {
      this.logger.warn(
        `no shared permit for allocation ${allocation.allocationId}: ${String(error)}`,
      );
      return null;
    }
  }

  private passEnd(offer: OffPeakOffer, now: Date): Date {
    const month = new Date(now.getTime() + MONTH_MS);
    if (!offer.validTo) return month;
    const end = new Date(`${offer.validTo}T23:59:59+08:00`);
    return end < month ? end : month;
  }

  /** Standing allocations take the first named spaces (by code); nightly bookings the rest. */
  private async freeStandingSpace(em: EntityManager, offer: OffPeakOffer): Promise<string | null> {
    const [space] = await em.query<{ id: string }[]>(
      `SELECT s.id FROM (SELECT s.id, s.code FROM off_peak_offer_space os
                           JOIN car_park_space s ON s.id = os.space_id
                          WHERE os.offer_id = $1 ORDER BY s.code LIMIT $2) s
        WHERE NOT EXISTS (SELECT 1 FROM standing_allocation a WHERE a.offer_id = $1
                             AND a.status = 'admitted' AND a.space_id = s.id)
        ORDER BY s.code LIMIT 1`,
      [offer.id, offer.standingPlaces],
    );
    return space?.id ?? null;
  }

  private async view(actor: Actor, id: string): Promise<AllocationView> {
    return this.toView(await this.readable(actor, id), actor);
  }

  private async readable(actor: Actor, id: string): Promise<AllocationRow> {
    const [row] = await this.dataSource.query<AllocationRow[]>(`${SELECT} WHERE a.id = $1`, [id]);
    const visible =
      row &&
      ((actor.role === 'resident' && actor.householdId === row.household_id) ||
        (actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id) ||
        (actor.role === 'admin' && actor.associationId === row.association_id));
    if (!visible) throw DomainError.notFound('allocation', id);
    return row;
  }

  private toView(row: AllocationRow, actor: Actor): AllocationView {
    const unitStaff = actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id;
    const plateVisible =
      unitStaff ||
      mayReadPlate(actor, { householdId: row.household_id, associationId: row.association_id });
    return {
      id: row.id,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      status: row.status,
      position: row.position === null ? null : Number(row.position),
      plate: plateVisible ? formatPlate(row.plate) : maskPlate(row.plate),
      plateColor: row.plate_color,
      spaceCode: row.space_code,
      registeredAt: new Date(row.registered_at).toISOString(),
      admittedAt: row.admitted_at ? new Date(row.admitted_at).toISOString() : null,
      permitId: row.permit_id,
      cancelReason: row.cancel_reason,
    };
  }
}
