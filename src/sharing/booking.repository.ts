import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlateColor } from '../shared/plate';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import type { BookingCancelReason } from '../shared/live/sharing';
import { constraintOf, returnedRows } from './sql-results';

/** A booking with what its views need: its offer's title, car park and space, the plate booked. */
export interface BookingRow {
  id: string;
  offer_id: string;
  offer_title: string;
  car_park_id: string;
  car_park_name: string;
  resident_unit_id: string;
  night: string;
  starts_at: Date;
  ends_at: Date;
  space_code: string | null;
  plate: string;
  plate_color: PlateColor;
  household_id: string;
  association_id: string;
  member_id: string;
  status: 'booked' | 'cancelled';
  terms_hash: string;
  terms_accepted_at: Date;
  arrived_at: Date | null;
  left_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: BookingCancelReason | null;
  created_at: Date;
}

const SELECT = `
  SELECT b.id, b.offer_id, o.title AS offer_title, b.car_park_id, cp.name AS car_park_name,
         cp.resident_unit_id, to_char(b.night, 'YYYY-MM-DD') AS night,
         lower(b.period) AS starts_at, upper(b.period) AS ends_at, s.code AS space_code,
         b.plate, b.plate_color, b.household_id, b.association_id, b.member_id, b.status,
         b.terms_hash, b.terms_accepted_at, b.arrived_at, b.left_at, b.cancelled_at,
         b.cancel_reason, b.created_at
    FROM booking b
    JOIN off_peak_offer o ON o.id = b.offer_id
    JOIN car_park cp ON cp.id = b.car_park_id
    LEFT JOIN car_park_space s ON s.id = b.space_id`;

/** A night's order: live bookings first, by space (none last), then by when booked. */
const NIGHT_ORDER = `b.status, s.code IS NULL, COALESCE(s.code, ''), b.created_at, b.id`;

export interface NewBooking {
  offerId: string;
  night: string;
  carParkId: string;
  startsAt: Date;
  endsAt: Date;
  associationId: string;
  householdId: string;
  memberId: string;
  vehicleId: string;
  /** The plate as booked: the ledger keeps it even if the vehicle's plate is corrected later. */
  plate: string;
  plateColor: PlateColor;
  spaceId: string | null;
  termsHash: string;
  termsAcceptedAt: Date;
}

export interface CancelledBooking {
  id: string;
  memberId: string;
  offerId: string;
  night: string;
  reason: BookingCancelReason;
}

/**
 * The booking table. A trigger keeps each night's `booked` counter (offer_night) in step with
 * every insert and status change, and the night's CHECK refuses the one too many.
 */
@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Refused by the database when the night is full or the car is booked elsewhere that night. */
  async insert(tx: Tx, booking: NewBooking, offerTitle: string): Promise<string> {
    try {
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO booking (offer_id, night, car_park_id, period, association_id, household_id,
                              member_id, vehicle_id, plate, plate_color, space_id, terms_hash,
                              terms_accepted_at)
         VALUES ($1, $2, $3, tstzrange($4, $5), $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id`,
        [
          booking.offerId,
          booking.night,
          booking.carParkId,
          booking.startsAt,
          booking.endsAt,
          booking.associationId,
          booking.householdId,
          booking.memberId,
          booking.vehicleId,
          booking.plate,
          booking.plateColor,
          booking.spaceId,
          booking.termsHash,
          booking.termsAcceptedAt,
        ],
      );
      return row!.id;
    } catch (error) {
      switch (constraintOf(error)) {
        case 'offer_night_capacity_check':
        case 'booking_space_no_overlap':
          throw new DomainError('booking.full', { offer: offerTitle, night: booking.night });
        case 'booking_vehicle_no_overlap':
          throw new DomainError('booking.vehicle_booked', { night: booking.night });
        case undefined:
        default:
          throw error;
      }
    }
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<BookingRow | null> {
    const [row] = await tx.query<BookingRow[]>(`${SELECT} WHERE b.id = $1`, [id]);
    return row ?? null;
  }

  /** A night's bookings at a car park, live ones first, by space. */
  listOfNight(carParkId: string, night: string): Promise<BookingRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE b.car_park_id = $1 AND b.night = $2 ORDER BY ${NIGHT_ORDER}`,
      [carParkId, night],
    );
  }

  /**
   * The car park's ledger (台账): night by night, each night in its list's order, a few nights
   * at a time after the last one read (keyset on the night, by `booking_car_park_night_idx`), so
   * 100,000 bookings are never held at once: a batch holds at most `nights` nights' places.
   */
  async *inLedgerOrder(
    carParkId: string,
    from: string | null,
    to: string | null,
    nights = 7,
  ): AsyncGenerator<BookingRow[]> {
    let after: string | null = null;
    for (;;) {
      const next: { night: string }[] = await this.dataSource.query(
        `SELECT to_char(night, 'YYYY-MM-DD') AS night FROM booking
          WHERE car_park_id = $1 AND ($2::date IS NULL OR night >= $2)
            AND ($3::date IS NULL OR night <= $3) AND ($4::date IS NULL OR night > $4)
          GROUP BY night ORDER BY night LIMIT $5`,
        [carParkId, from, to, after, nights],
      );
      if (next.length === 0) return;
      const last = next[next.length - 1]!.night;
      yield await this.dataSource.query<BookingRow[]>(
        `${SELECT} WHERE b.car_park_id = $1 AND b.night BETWEEN $2 AND $3
          ORDER BY b.night, ${NIGHT_ORDER}`,
        [carParkId, next[0]!.night, last],
      );
      after = last;
      if (next.length < nights) return;
    }
  }

  listOfHousehold(householdId: string, fromNight: string): Promise<BookingRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE b.household_id = $1 AND b.night >= $2 ORDER BY b.night, b.created_at`,
      [householdId, fromNight],
    );
  }

  /** The household's bookings of nights before `beforeNight`, the latest first. */
  async pastOfHousehold(
    householdId: string,
    beforeNight: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: BookingRow[]; total: number }> {
    const [rows, counted] = await Promise.all([
      this.dataSource.query<BookingRow[]>(
        `${SELECT} WHERE b.household_id = $1 AND b.night < $2
          ORDER BY b.night DESC, b.created_at DESC LIMIT $3 OFFSET $4`,
        [householdId, beforeNight, limit, offset],
      ),
      this.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM booking b WHERE b.household_id = $1 AND b.night < $2`,
        [householdId, beforeNight],
      ),
    ]);
    return { rows, total: Number(counted[0]?.count ?? 0) };
  }

  /** The first named space of the nightly share (after those held for standing allocations). */
  async freeSpace(
    tx: Tx,
    offerId: string,
    standingPlaces: number,
    window: { startsAt: Date; endsAt: Date },
  ): Promise<string | null> {
    const [space] = await tx.query<{ id: string }[]>(
      `SELECT s.id FROM (
         SELECT s.id, s.code FROM off_peak_offer_space os JOIN car_park_space s ON s.id = os.space_id
          WHERE os.offer_id = $1 ORDER BY s.code OFFSET $2) s
        WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.space_id = s.id AND b.status = 'booked'
                             AND b.period && tstzrange($3, $4))
        ORDER BY s.code LIMIT 1`,
      [offerId, standingPlaces, window.startsAt, window.endsAt],
    );
    return space?.id ?? null;
  }

  /**
   * Cancels the given live bookings, keeping each row and its reason (never silently lost). The
   * caller holds the offer's lock and announces the cancellations after commit.
   */
  async cancel(
    tx: Tx,
    ids: string[],
    reason: BookingCancelReason,
    by: string | null,
    at: Date,
  ): Promise<CancelledBooking[]> {
    if (ids.length === 0) return [];
    const rows = returnedRows<{ id: string; member_id: string; offer_id: string; night: string }>(
      await tx.query(
        `UPDATE booking SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
          WHERE id = ANY($1) AND status = 'booked'
          RETURNING id, member_id, offer_id, to_char(night, 'YYYY-MM-DD') AS night`,
        [ids, at, by, reason],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      offerId: r.offer_id,
      night: r.night,
      reason,
    }));
  }

  /** Live bookings of an offer whose night has not begun at `at`. */
  async notBegun(tx: Tx, offerId: string, at: Date): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE offer_id = $1 AND status = 'booked' AND lower(period) > $2`,
      [offerId, at],
    );
    return rows.map((r) => r.id);
  }

  async liveOfNight(tx: Tx, offerId: string, night: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE offer_id = $1 AND night = $2 AND status = 'booked'`,
      [offerId, night],
    );
    return rows.map((r) => r.id);
  }

  /** The latest live bookings of a night beyond `capacity`: the ones a reduction cancels. */
  async beyondCapacity(tx: Tx, offerId: string, night: string, capacity: number) {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE offer_id = $1 AND night = $2 AND status = 'booked'
        ORDER BY created_at DESC LIMIT GREATEST(0, (SELECT booked FROM offer_night
          WHERE offer_id = $1 AND night = $2) - $3)`,
      [offerId, night, capacity],
    );
    return rows.map((r) => r.id);
  }

  async markArrived(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE booking SET arrived_at = COALESCE(arrived_at, $2) WHERE id = $1`, [
      id,
      at,
    ]);
  }

  async markLeft(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE booking SET left_at = COALESCE(left_at, $2) WHERE id = $1`, [id, at]);
  }

  /**
   * Marks and returns the bookings to remind: arrived, not left, must-leave-by within `lead`
   * minutes. Marking in the selecting statement means two instances never remind twice.
   */
  async markReminded(tx: Tx, now: Date, leadMinutes: number) {
    return returnedRows<{ id: string; member_id: string; ends_at: Date; title: string }>(
      await tx.query(
        `UPDATE booking b SET reminded_at = $1
           FROM off_peak_offer o
          WHERE o.id = b.offer_id AND b.status = 'booked' AND b.arrived_at IS NOT NULL
            AND b.left_at IS NULL AND b.reminded_at IS NULL
            AND upper(b.period) > $1 AND upper(b.period) <= $1 + make_interval(mins => $2)
        RETURNING b.id, b.member_id, upper(b.period) AS ends_at, o.title`,
        [now, leadMinutes],
      ),
    );
  }

  /** How many of the association's households hold a booking for `night` (a count, no names). */
  async countOfNight(associationId: string, night: string): Promise<number> {
    const [row] = await this.dataSource.manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM booking
        WHERE association_id = $1 AND night = $2 AND status = 'booked'`,
      [associationId, night],
    );
    return row?.count ?? 0;
  }
}
