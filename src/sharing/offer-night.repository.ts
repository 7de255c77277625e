import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';

/** One night of an offer as counted: its window, its capacity and the live bookings on it. */
export interface OfferNight {
  offerId: string;
  night: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
}

interface NightRow {
  offer_id: string;
  night: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked: number;
}

const SELECT = `
  SELECT offer_id, to_char(night, 'YYYY-MM-DD') AS night, lower(period) AS starts_at,
         upper(period) AS ends_at, capacity, booked
    FROM offer_night`;

/**
 * The offer_night table: a capacity row per offer per night, made on the first booking of the
 * night. `booked` is kept by the booking trigger; CHECK (booked BETWEEN 0 AND capacity).
 */
@Injectable()
export class OfferNightRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The night's row, made if need be and locked: concurrent bookers of this night queue here,
   * so the count and the named space picked are decided one booking at a time.
   */
  async lockNight(
    tx: Tx,
    offerId: string,
    night: string,
    window: { startsAt: Date; endsAt: Date },
    capacity: number,
  ): Promise<OfferNight> {
    await tx.query(
      `INSERT INTO offer_night (offer_id, night, period, capacity)
       VALUES ($1, $2, tstzrange($3, $4), $5) ON CONFLICT DO NOTHING`,
      [offerId, night, window.startsAt, window.endsAt, capacity],
    );
    const [row] = await tx.query<NightRow[]>(
      `${SELECT} WHERE offer_id = $1 AND night = $2 FOR UPDATE`,
      [offerId, night],
    );
    return toNight(row!);
  }

  /** Counted nights of the offers from `fromNight` on. */
  async from(offerIds: string[], fromNight: string, tx: Tx = this.dataSource.manager) {
    if (offerIds.length === 0) return [];
    const rows = await tx.query<NightRow[]>(
      `${SELECT} WHERE offer_id = ANY($1) AND night >= $2 ORDER BY night`,
      [offerIds, fromNight],
    );
    return rows.map(toNight);
  }

  /** Counted nights of an offer that have not begun at `at`. */
  async notBegun(tx: Tx, offerId: string, at: Date): Promise<OfferNight[]> {
    const rows = await tx.query<NightRow[]>(
      `${SELECT} WHERE offer_id = $1 AND lower(period) > $2 ORDER BY night`,
      [offerId, at],
    );
    return rows.map(toNight);
  }

  /** The night keeps its row (cancelled bookings point at it) with its new hours. */
  async move(tx: Tx, offerId: string, night: string, window: { startsAt: Date; endsAt: Date }) {
    await tx.query(
      `UPDATE offer_night SET period = tstzrange($3, $4) WHERE offer_id = $1 AND night = $2`,
      [offerId, night, window.startsAt, window.endsAt],
    );
  }

  async setCapacity(tx: Tx, offerId: string, night: string, capacity: number): Promise<void> {
    await tx.query(`UPDATE offer_night SET capacity = $3 WHERE offer_id = $1 AND night = $2`, [
      offerId,
      night,
      capacity,
    ]);
  }
}

function toNight(row: NightRow): OfferNight {
  return {
    offerId: row.offer_id,
    night: row.night,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    capacity: row.capacity,
    booked: row.booked,
  };
}
