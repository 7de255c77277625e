import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import type { OffPeakOffer, OfferStatus } from './off-peak-offer';
import type { WeeklyRule } from './offer-windows';
import type { PlateColor } from '../shared/plate';
import { constraintOf, detailOf } from './sql-results';

interface OfferRow {
  id: string;
  car_park_id: string;
  resident_unit_id: string;
  association_id: string;
  title: string;
  status: OfferStatus;
  places: number;
  standing_places: number;
  standing_admitted: number;
  named_spaces: boolean;
  weekly_rules: WeeklyRule[];
  valid_from: string;
  valid_to: string | null;
  blackout_dates: string[];
  eligible_association_ids: string[];
  eligible_lane_ids: string[];
  requires_licence_owner: boolean;
  eligible_plate_colors: PlateColor[];
  grace_minutes: number | null;
  monthly_fee_cny: string;
  booking_days_ahead: number;
  terms_text: string;
  terms_hash: string;
  ended_at: Date | null;
  created_at: Date;
}

const SELECT = `
  SELECT id, car_park_id, resident_unit_id, association_id, title, status, places,
         standing_places, standing_admitted, named_spaces, weekly_rules,
         to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
         ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(blackout_dates) d ORDER BY d)
           AS blackout_dates,
         eligible_association_ids, eligible_lane_ids, requires_licence_owner,
         eligible_plate_colors, grace_minutes, monthly_fee_cny, booking_days_ahead, terms_text,
         terms_hash, ended_at, created_at
    FROM off_peak_offer`;

/** What a booking reads of its offer under FOR SHARE. */
export interface OfferForBooking {
  status: OfferStatus;
  termsHash: string;
  nightlyPlaces: number;
  standingPlaces: number;
}

/** Where an offer is, for its views. */
export interface OfferPlace {
  carParkName: string;
  carParkAddress: string;
  entranceNotes: string;
}

export type NewOffer = Omit<OffPeakOffer, 'id' | 'standingAdmitted' | 'endedAt' | 'createdAt'>;

/**
 * The off_peak_offer and off_peak_offer_space tables. Changes lock the offer FOR UPDATE;
 * bookings FOR SHARE, so a pause or change waits for bookings in flight and they for it. The
 * database refuses an offer that would overcommit its car park (trigger
 * off_peak_offer_within_capacity); that refusal comes back here as `offer.over_capacity`.
 */
@Injectable()
export class OffPeakOfferRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<OffPeakOffer | null> {
    const [row] = await tx.query<OfferRow[]>(`${SELECT} WHERE id = $1`, [id]);
    return row ? toOffer(row) : null;
  }

  /** The offer, locked until `tx` ends: for the unit's changes and for admissions. */
  async lockForChange(tx: Tx, id: string): Promise<OffPeakOffer | null> {
    const [row] = await tx.query<OfferRow[]>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toOffer(row) : null;
  }

  /** Bookers do not block each other here; a pause, change or end (FOR UPDATE) waits for them. */
  async lockForBooking(tx: Tx, id: string): Promise<OfferForBooking | null> {
    const [row] = await tx.query<
      { status: OfferStatus; terms_hash: string; places: number; standing_places: number }[]
    >(
      `SELECT status, terms_hash, places, standing_places FROM off_peak_offer WHERE id = $1 FOR SHARE`,
      [id],
    );
    if (!row) return null;
    return {
      status: row.status,
      termsHash: row.terms_hash,
      nightlyPlaces: row.places - row.standing_places,
      standingPlaces: row.standing_places,
    };
  }

  listOfUnit(residentUnitId: string | null): Promise<OffPeakOffer[]> {
    return this.list(`resident_unit_id = $1`, [residentUnitId]);
  }

  /** Offers not ended that are open to the association's residents. */
  listOpenTo(associationId: string): Promise<OffPeakOffer[]> {
    return this.list(`$1 = ANY(eligible_association_ids) AND status <> 'ended'`, [associationId]);
  }

  listOfAssociations(associationIds: string[]): Promise<OffPeakOffer[]> {
    return this.list(`association_id = ANY($1)`, [associationIds]);
  }

  listOfCarPark(carParkId: string, tx: Tx = this.dataSource.manager): Promise<OffPeakOffer[]> {
    return this.list(`car_park_id = $1`, [carParkId], tx);
  }

  /** Live offers with standing places: those a rotation (轮换) may concern. */
  liveWithStandingPlaces(): Promise<OffPeakOffer[]> {
    return this.list(`status = 'live' AND standing_places > 0`, []);
  }

  liveOfCarPark(carParkId: string): Promise<OffPeakOffer[]> {
    return this.list(`car_park_id = $1 AND status = 'live'`, [carParkId]);
  }

  async insert(tx: Tx, offer: NewOffer, spaceIds: string[]): Promise<string> {
    const [row] = await overCapacityRefused(
      tx.query<{ id: string }[]>(
        `INSERT INTO off_peak_offer (car_park_id, resident_unit_id, association_id, title, status,
           places, standing_places, named_spaces, weekly_rules, valid_from, valid_to, blackout_dates,
           eligible_association_ids, grace_minutes, monthly_fee_cny, booking_days_ahead, terms_text,
           terms_hash, eligible_lane_ids, requires_licence_owner, eligible_plate_colors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                 $19, $20, $21)
         RETURNING id`,
        [
          offer.carParkId,
          offer.residentUnitId,
          offer.associationId,
          offer.title,
          offer.status,
          offer.places,
          offer.standingPlaces,
          offer.namedSpaces,
          JSON.stringify(offer.weeklyRules),
          offer.validFrom,
          offer.validTo,
          offer.blackoutDates,
          offer.eligibleAssociationIds,
          offer.graceMinutes,
          offer.monthlyFeeCny,
          offer.bookingDaysAhead,
          offer.termsText,
          offer.termsHash,
          offer.eligibleLaneIds,
          offer.requiresLicenceOwner,
          offer.eligiblePlateColors,
        ],
      ),
    );
    await tx.query(
      `INSERT INTO off_peak_offer_space (offer_id, space_id) SELECT $1, unnest($2::uuid[])`,
      [row!.id, spaceIds],
    );
    return row!.id;
  }

  /** Writes the unit's terms and the status back (the counters are kept by triggers). */
  async update(tx: Tx, offer: OffPeakOffer): Promise<void> {
    await overCapacityRefused(
      tx.query(
        `UPDATE off_peak_offer SET title = $2, status = $3, places = $4, weekly_rules = $5,
                valid_to = $6, blackout_dates = $7, eligible_association_ids = $8,
                grace_minutes = $9, monthly_fee_cny = $10, booking_days_ahead = $11,
                terms_text = $12, terms_hash = $13, ended_at = $14, eligible_lane_ids = $15,
                requires_licence_owner = $16, eligible_plate_colors = $17, updated_at = now()
          WHERE id = $1`,
        [
          offer.id,
          offer.title,
          offer.status,
          offer.places,
          JSON.stringify(offer.weeklyRules),
          offer.validTo,
          offer.blackoutDates,
          offer.eligibleAssociationIds,
          offer.graceMinutes,
          offer.monthlyFeeCny,
          offer.bookingDaysAhead,
          offer.termsText,
          offer.termsHash,
          offer.endedAt,
          offer.eligibleLaneIds,
          offer.requiresLicenceOwner,
          offer.eligiblePlateColors,
        ],
      ),
    );
  }

  /** Car park name, address and entrance notes of each offer. */
  async places(ids: string[]): Promise<Map<string, OfferPlace>> {
    const rows = await this.dataSource.query<
      { id: string; name: string; address: string; entrance_notes: string }[]
    >(
      `SELECT o.id, cp.name, cp.address, cp.entrance_notes
         FROM off_peak_offer o JOIN car_park cp ON cp.id = o.car_park_id WHERE o.id = ANY($1)`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { carParkName: r.name, carParkAddress: r.address, entranceNotes: r.entrance_notes },
      ]),
    );
  }

  private async list(
    where: string,
    params: unknown[],
    tx: Tx = this.dataSource.manager,
  ): Promise<OffPeakOffer[]> {
    const rows = await tx.query<OfferRow[]>(`${SELECT} WHERE ${where} ORDER BY created_at`, params);
    return rows.map(toOffer);
  }
}

/** The capacity trigger's refusal, with the car park's total and what is already offered. */
async function overCapacityRefused<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (constraintOf(error) !== 'off_peak_offer_over_capacity') throw error;
    const { carPark, total, offered, places } = detailOf(error);
    throw new DomainError('offer.over_capacity', {
      carPark: String(carPark),
      total: Number(total),
      offered: Number(offered),
      places: Number(places),
    });
  }
}

function toOffer(row: OfferRow): OffPeakOffer {
  return {
    id: row.id,
    carParkId: row.car_park_id,
    residentUnitId: row.resident_unit_id,
    associationId: row.association_id,
    title: row.title,
    status: row.status,
    places: row.places,
    standingPlaces: row.standing_places,
    standingAdmitted: row.standing_admitted,
    namedSpaces: row.named_spaces,
    weeklyRules: row.weekly_rules,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    blackoutDates: row.blackout_dates,
    eligibleAssociationIds: row.eligible_association_ids,
    eligibleLaneIds: row.eligible_lane_ids,
    requiresLicenceOwner: row.requires_licence_owner,
    eligiblePlateColors: row.eligible_plate_colors,
    graceMinutes: row.grace_minutes,
    monthlyFeeCny: row.monthly_fee_cny,
    bookingDaysAhead: row.booking_days_ahead,
    termsText: row.terms_text,
    termsHash: row.terms_hash,
    endedAt: row.ended_at,
    createdAt: row.created_at,
  };
}
