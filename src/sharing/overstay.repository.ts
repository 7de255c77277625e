import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';

/** An overstay just flagged, with what the unit, the wardens and the ladder need. */
export interface FlaggedOverstay {
  bookingId: string;
  carParkId: string;
  carParkName: string;
  residentUnitId: string;
  associationId: string;
  plate: string;
  spaceCode: string | null;
  mustLeaveBy: Date;
  graceMinutes: number;
  /** The offer set its own grace; else the convention's applied. */
  offerGrace: boolean;
}

/** The sharing_overstay table: each overstay once, kept until the car leaves. */
@Injectable()
export class OverstayRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Associations (of the offers) with a car still parked after must-leave-by. */
  async dueAssociations(now: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ association_id: string }[]>(
      `SELECT DISTINCT o.association_id FROM booking b JOIN off_peak_offer o ON o.id = b.offer_id
        WHERE b.status = 'booked' AND b.arrived_at IS NOT NULL AND b.left_at IS NULL
          AND upper(b.period) <= $1`,
      [now],
    );
    return rows.map((r) => r.association_id);
  }

  /**
   * Flags the association's offers' overstays: still parked after must-leave-by plus the grace
   * (the offer's, else `conventionGrace`). The unique key on booking_id makes each overstay
   * flagged once, even by two instances at the same time.
   */
  async flag(
    tx: Tx,
    now: Date,
    associationId: string,
    conventionGrace: number,
  ): Promise<FlaggedOverstay[]> {
    const rows = await tx.query<
      {
        id: string;
        car_park_id: string;
        car_park_name: string;
        resident_unit_id: string;
        association_id: string;
        plate: string;
        space_code: string | null;
        must_leave_by: Date;
        grace: number;
        offer_grace: boolean;
      }[]
    >(
      `WITH due AS (
         SELECT b.id, b.car_park_id, cp.name AS car_park_name, cp.resident_unit_id, b.association_id,
                b.plate, s.code AS space_code, upper(b.period) AS must_leave_by,
                COALESCE(o.grace_minutes, $3) AS grace, o.grace_minutes IS NOT NULL AS offer_grace
           FROM booking b
           JOIN off_peak_offer o ON o.id = b.offer_id
           JOIN car_park cp ON cp.id = b.car_park_id
           LEFT JOIN car_park_space s ON s.id = b.space_id
          WHERE o.association_id = $2 AND b.status = 'booked' AND b.arrived_at IS NOT NULL
            AND b.left_at IS NULL
            AND upper(b.period) + make_interval(mins => COALESCE(o.grace_minutes, $3)) <= $1),
       flagged AS (
         INSERT INTO sharing_overstay (booking_id, car_park_id, association_id, must_leave_by,
                                       grace_minutes, flagged_at)
         SELECT id, car_park_id, association_id, must_leave_by, grace, $1 FROM due
         ON CONFLICT ON CONSTRAINT sharing_overstay_booking_key DO NOTHING
         RETURNING booking_id)
       SELECT due.* FROM due JOIN flagged ON flagged.booking_id = due.id`,
      [now, associationId, conventionGrace],
    );
    return rows.map((r) => ({
      bookingId: r.id,
      carParkId: r.car_park_id,
      carParkName: r.car_park_name,
      residentUnitId: r.resident_unit_id,
      associationId: r.association_id,
      plate: r.plate,
      spaceCode: r.space_code,
      mustLeaveBy: new Date(r.must_leave_by),
      graceMinutes: r.grace,
      offerGrace: r.offer_grace,
    }));
  }

  /** The car has left: its overstay, if any, is over. */
  async resolve(tx: Tx, bookingId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE sharing_overstay SET resolved_at = $2 WHERE booking_id = $1 AND resolved_at IS NULL`,
      [bookingId, at],
    );
  }
}
