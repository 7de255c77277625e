import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlateColor } from '../shared/plate';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import type { AllocationCancelReason } from '../shared/live/sharing';
import { constraintOf, returnedRows } from './sql-results';

export interface AllocationRow {
  id: string;
  offer_id: string;
  offer_title: string;
  resident_unit_id: string;
  status: 'waiting' | 'admitted' | 'cancelled';
  /** Place on the waiting list, 1 = next in line; null unless waiting. */
  position: string | null;
  plate: string;
  plate_color: PlateColor;
  household_id: string;
  association_id: string;
  member_id: string;
  vehicle_id: string;
  space_code: string | null;
  registered_at: Date;
  admitted_at: Date | null;
  permit_id: string | null;
  cancel_reason: string | null;
  fee_due_cny: string;
  fee_paid_cny: string;
  priority_tier: string | null;
  periods_held: number;
}

const SELECT = `
  SELECT a.id, a.offer_id, o.title AS offer_title, o.resident_unit_id, a.status,
         CASE WHEN a.status = 'waiting' THEN (SELECT count(*) FROM standing_allocation w
           WHERE w.offer_id = a.offer_id AND w.status = 'waiting'
             AND (w.registered_at, w.id) <= (a.registered_at, a.id)) END AS position,
         a.plate, a.plate_color, a.household_id, a.association_id, a.member_id, a.vehicle_id,
         s.code AS space_code, a.registered_at, a.admitted_at, a.permit_id, a.cancel_reason,
         a.fee_due_cny, a.fee_paid_cny, a.priority_tier, a.periods_held
    FROM standing_allocation a
    JOIN off_peak_offer o ON o.id = a.offer_id
    LEFT JOIN car_park_space s ON s.id = a.space_id`;

export interface NewAllocation {
  offerId: string;
  associationId: string;
  householdId: string;
  memberId: string;
  vehicleId: string;
  plate: string;
  plateColor: PlateColor;
  termsHash: string;
  termsAcceptedAt: Date;
}

export interface WaitingAllocation {
  id: string;
  householdId: string;
  vehicleId: string;
  associationId: string;
  priorityTier: string | null;
}

/** A place held now, as a rotation releases it. */
export interface HeldAllocation {
  id: string;
  memberId: string;
  permitId: string | null;
  priorityTier: string | null;
  admittedAt: Date;
}

/**
 * The standing_allocation table: registrations, the waiting list in registration order, and the
 * admitted places. A trigger keeps the offer's `standing_admitted` counter; partial unique
 * indexes keep one registration per vehicle and (by `household_key`) one place per household.
 */
@Injectable()
export class StandingAllocationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, allocation: NewAllocation): Promise<string> {
    try {
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO standing_allocation (offer_id, association_id, household_id, member_id,
           vehicle_id, plate, plate_color, terms_hash, terms_accepted_at, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING id`,
        [
          allocation.offerId,
          allocation.associationId,
          allocation.householdId,
          allocation.memberId,
          allocation.vehicleId,
          allocation.plate,
          allocation.plateColor,
          allocation.termsHash,
          allocation.termsAcceptedAt,
        ],
      );
      return row!.id;
    } catch (error) {
      if (constraintOf(error) === 'standing_allocation_vehicle_key')
        throw new DomainError('allocation.vehicle_registered');
      throw error;
    }
  }

  /** The household's other cars registered (waiting or admitted) for the offer. */
  async countOtherCarsOfHousehold(
    tx: Tx,
    offerId: string,
    householdId: string,
    vehicleId: string,
  ): Promise<number> {
    const [row] = await tx.query<{ count: string }[]>(
      `SELECT count(DISTINCT vehicle_id) FROM standing_allocation
        WHERE offer_id = $1 AND household_id = $2 AND vehicle_id <> $3 AND status <> 'cancelled'`,
      [offerId, householdId, vehicleId],
    );
    return Number(row?.count ?? 0);
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<AllocationRow | null> {
    const [row] = await tx.query<AllocationRow[]>(`${SELECT} WHERE a.id = $1`, [id]);
    return row ?? null;
  }

  listOfHousehold(householdId: string): Promise<AllocationRow[]> {
    return this.dataSource.query(`${SELECT} WHERE a.household_id = $1 ORDER BY a.registered_at`, [
      householdId,
    ]);
  }

  /** The register: admitted first, then the waiting list in order. */
  listOfOffer(offerId: string): Promise<AllocationRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE a.offer_id = $1 AND a.status <> 'cancelled'
        ORDER BY a.status = 'waiting', a.registered_at, a.id`,
      [offerId],
    );
  }

  /**
   * The register `listOfOffer` lists, in its order, `batch` rows at a time after the last one
   * seen (keyset), for the ledger.
   */
  async *inLedgerOrder(offerId: string, batch = 500): AsyncGenerator<AllocationRow[]> {
    let after: { waiting: boolean; registeredAt: string; id: string } | null = null;
    for (;;) {
      // The registration time as text: a Date would drop its microseconds.
      const rows: (AllocationRow & { registered_key: string })[] = await this.dataSource.query(
        `SELECT q.*, q.registered_at::text AS registered_key FROM (${SELECT}
          WHERE a.offer_id = $1 AND a.status <> 'cancelled') q
          WHERE $2::boolean IS NULL
             OR (q.status = 'waiting', q.registered_at, q.id) > ($2, $3::timestamptz, $4::uuid)
          ORDER BY q.status = 'waiting', q.registered_at, q.id LIMIT $5`,
        [offerId, after?.waiting ?? null, after?.registeredAt ?? null, after?.id ?? null, batch],
      );
      if (rows.length === 0) return;
      yield rows.map(({ registered_key: _, ...row }) => row);
      const last = rows[rows.length - 1]!;
      after = {
        waiting: last.status === 'waiting',
        registeredAt: last.registered_key,
        id: last.id,
      };
      if (rows.length < batch) return;
    }
  }

  /** The waiting list in registration order, locked for an admission. */
  async lockWaiting(tx: Tx, offerId: string): Promise<WaitingAllocation[]> {
    const rows = await tx.query<
      {
        id: string;
        household_id: string;
        vehicle_id: string;
        association_id: string;
        priority_tier: string | null;
      }[]
    >(
      `SELECT id, household_id, vehicle_id, association_id, priority_tier FROM standing_allocation
        WHERE offer_id = $1 AND status = 'waiting' ORDER BY registered_at, id FOR UPDATE`,
      [offerId],
    );
    return rows.map((r) => ({
      id: r.id,
      householdId: r.household_id,
      vehicleId: r.vehicle_id,
      associationId: r.association_id,
      priorityTier: r.priority_tier,
    }));
  }

  /** The places held now, locked for a rotation. */
  async lockHolders(tx: Tx, offerId: string): Promise<HeldAllocation[]> {
    const rows = await tx.query<
      {
        id: string;
        member_id: string;
        permit_id: string | null;
        priority_tier: string | null;
        admitted_at: Date;
      }[]
    >(
      `SELECT id, member_id, permit_id, priority_tier, admitted_at FROM standing_allocation
        WHERE offer_id = $1 AND status = 'admitted' ORDER BY admitted_at, id FOR UPDATE`,
      [offerId],
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      permitId: r.permit_id,
      priorityTier: r.priority_tier,
      admittedAt: r.admitted_at,
    }));
  }

  /** When the earliest place held now was admitted (null: none is held). */
  async heldSince(offerId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ at: Date | null }[]>(
      `SELECT min(admitted_at) AS at FROM standing_allocation
        WHERE offer_id = $1 AND status = 'admitted'`,
      [offerId],
    );
    return row?.at ?? null;
  }

  /**
   * 轮换: a held place goes back to the waiting list at its end, counted as a period held; it
   * queues again from now, behind those who waited (first come after the draw).
   */
  async release(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE standing_allocation SET status = 'waiting', admitted_at = NULL, admitted_by = NULL,
              household_key = NULL, space_id = NULL, permit_id = NULL,
              periods_held = periods_held + 1, registered_at = clock_timestamp()
        WHERE id = $1 AND status = 'admitted'`,
      [id],
    );
  }

  /** The council's mark: the registration's priority tier (null: none). */
  async setPriority(
    tx: Tx,
    id: string,
    mark: { tier: string | null; by: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE standing_allocation SET priority_tier = $2, priority_set_by = $3, priority_set_at = $4
        WHERE id = $1`,
      [id, mark.tier, mark.by, mark.at],
    );
  }

  /** Locks one registration for a change of its own (its tier); null when there is none. */
  async lock(tx: Tx, id: string): Promise<AllocationRow | null> {
    await tx.query(`SELECT id FROM standing_allocation WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, tx);
  }

  async admittedHouseholds(tx: Tx, offerId: string): Promise<Set<string>> {
    const rows = await tx.query<{ household_id: string }[]>(
      `SELECT household_id FROM standing_allocation WHERE offer_id = $1 AND status = 'admitted'`,
      [offerId],
    );
    return new Set(rows.map((r) => r.household_id));
  }

  /**
   * `householdKey` is the household when the convention says one per household, else the
   * allocation's own id, so one unique index enforces whichever rule was in force.
   */
  async admit(
    tx: Tx,
    id: string,
    admission: {
      at: Date;
      by: string | null;
      householdKey: string;
      spaceId: string | null;
      feeDueCny: number;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE standing_allocation SET status = 'admitted', admitted_at = $2, admitted_by = $3,
              household_key = $4, space_id = $5, fee_due_cny = $6 WHERE id = $1`,
      [
        id,
        admission.at,
        admission.by,
        admission.householdKey,
        admission.spaceId,
        admission.feeDueCny,
      ],
    );
  }

  /** Standing allocations take the first named spaces (by code); nightly bookings the rest. */
  async freeStandingSpace(tx: Tx, offerId: string, standingPlaces: number) {
    const [space] = await tx.query<{ id: string }[]>(
      `SELECT s.id FROM (SELECT s.id, s.code FROM off_peak_offer_space os
                           JOIN car_park_space s ON s.id = os.space_id
                          WHERE os.offer_id = $1 ORDER BY s.code LIMIT $2) s
        WHERE NOT EXISTS (SELECT 1 FROM standing_allocation a WHERE a.offer_id = $1
                             AND a.status = 'admitted' AND a.space_id = s.id)
        ORDER BY s.code LIMIT 1`,
      [offerId, standingPlaces],
    );
    return space?.id ?? null;
  }

  /** Cancels one allocation unless it already is; false when it was. */
  async cancel(tx: Tx, id: string, at: Date, reason: AllocationCancelReason): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await tx.query(
        `UPDATE standing_allocation SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3
          WHERE id = $1 AND status <> 'cancelled' RETURNING id`,
        [id, at, reason],
      ),
    );
    return rows.length > 0;
  }

  /** Cancels every allocation of the offer; returns who held them, and the permits they earned. */
  async cancelAllOfOffer(tx: Tx, offerId: string, at: Date, reason: AllocationCancelReason) {
    return returnedRows<{ id: string; member_id: string; permit_id: string | null }>(
      await tx.query(
        `UPDATE standing_allocation SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3
          WHERE offer_id = $1 AND status <> 'cancelled' RETURNING id, member_id, permit_id`,
        [offerId, at, reason],
      ),
    );
  }

  /** Locks an allocation for a payment; null when there is none. */
  async lockForPayment(tx: Tx, id: string): Promise<AllocationRow | null> {
    await tx.query(`SELECT id FROM standing_allocation WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, tx);
  }

  async addPaid(tx: Tx, id: string, amountCny: number): Promise<void> {
    await tx.query(
      `UPDATE standing_allocation SET fee_paid_cny = fee_paid_cny + $2 WHERE id = $1`,
      [id, amountCny],
    );
  }

  async setPermit(tx: Tx, id: string, permitId: string): Promise<void> {
    await tx.query(`UPDATE standing_allocation SET permit_id = $2 WHERE id = $1`, [id, permitId]);
  }

  /** How many wait for each offer. */
  async waitingCounts(offerIds: string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ offer_id: string; count: string }[]>(
      `SELECT offer_id, count(*) FROM standing_allocation
        WHERE offer_id = ANY($1) AND status = 'waiting' GROUP BY offer_id`,
      [offerIds],
    );
    return new Map(rows.map((r) => [r.offer_id, Number(r.count)]));
  }
}
