import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AvailabilityService } from './availability.service';
import { cancelBookings, cancellationNotice } from './booking-notices';
import { BOOKING_SELECT, type BookingRow, toBookingView } from './booking-rows';
import type { BookingView, BookNightDto } from './dto/booking.dto';
import { eligibilityOf } from './eligibility';
import type { OffPeakOffer } from './off-peak-offer.entity';
import { addDays, isLocalDate, shanghaiDate } from '../common/shanghai-time';
import { OffersService } from './offers.service';

/** Nightly bookings: the system picks the place; PostgreSQL refuses the one too many. */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
    private readonly vehicles: VehiclesService,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
  ) {}

  async book(actor: Actor, offerId: string, dto: BookNightDto): Promise<BookingView> {
    if (actor.role !== 'resident')
      throw DomainError.forbidden('仅居民车主可预约 / only resident car owners may book');
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
    this.assertTermsAccepted(offer, dto);
    const window = await this.bookableWindow(offer, dto.date);

    const now = this.clock.now();
    let bookingId: string;
    try {
      bookingId = await this.dataSource.transaction(async (em) => {
        // FOR SHARE: bookers do not block each other here, but a pause, change or end (FOR
        // UPDATE) waits for them and they for it, so none books into a paused offer.
        const [locked] = await em.query<
          { status: string; terms_hash: string; capacity: number; standing_places: number }[]
        >(
          `SELECT status, terms_hash, places - standing_places AS capacity, standing_places
             FROM off_peak_offer WHERE id = $1 FOR SHARE`,
          [offer.id],
        );
        if (!locked || locked.status !== 'live') throw notLive(locked?.status);
        if (locked.terms_hash !== offer.termsHash) throw termsChanged();
        await em.query(
          `INSERT INTO offer_night (offer_id, night, period, capacity)
           VALUES ($1, $2, tstzrange($3, $4), $5) ON CONFLICT DO NOTHING`,
          [offer.id, dto.date, window.startsAt, window.endsAt, locked.capacity],
        );
        // The night's capacity row, locked: concurrent bookers of this night queue here, so the
        // count and the named space picked below are decided one booking at a time.
        const [night] = await em.query<
          { capacity: number; booked: number; starts_at: Date; ends_at: Date }[]
        >(
          `SELECT capacity, booked, lower(period) AS starts_at, upper(period) AS ends_at
             FROM offer_night WHERE offer_id = $1 AND night = $2 FOR UPDATE`,
          [offer.id, dto.date],
        );
        if (!night || night.booked >= night.capacity) throw full(dto.date, offer.title);
        const spaceId = offer.namedSpaces
          ? await this.freeSpace(em.query.bind(em), offer.id, locked.standing_places, night)
          : null;
        if (offer.namedSpaces && !spaceId) throw full(dto.date, offer.title);
        const [row] = await em.query<{ id: string }[]>(
          `INSERT INTO booking (offer_id, night, car_park_id, period, association_id, household_id,
                                member_id, vehicle_id, space_id, terms_hash, terms_accepted_at)
           VALUES ($1, $2, $3, tstzrange($4, $5), $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            offer.id,
            dto.date,
            offer.carParkId,
            night.starts_at,
            night.ends_at,
            vehicle.associationId,
            vehicle.householdId,
            actor.memberId,
            vehicle.id,
            spaceId,
            locked.terms_hash,
            now,
          ],
        );
        return row!.id;
      });
    } catch (error) {
      throw translate(error, dto.date, offer.title);
    }
    await this.availability.publish(offer.carParkId, offer.residentUnitId);
    return this.view(actor, bookingId);
  }

  async cancel(actor: Actor, id: string): Promise<BookingView> {
    const row = await this.readable(actor, id);
    const own = actor.role === 'resident' && actor.householdId === row.household_id;
    const unit = actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id;
    if (!own && !unit) throw DomainError.forbidden();
    const now = this.clock.now();
    if (row.status === 'cancelled') throw DomainError.conflict('预约已取消 / already cancelled');
    if (new Date(row.ends_at) <= now)
      throw DomainError.conflict('该晚已结束 / the night is already over');
    const [cancelled] = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT 1 FROM off_peak_offer WHERE id = $1 FOR SHARE`, [row.offer_id]);
      return cancelBookings(em, [id], own ? 'resident' : 'unit', actor.memberId, now);
    });
    if (!cancelled) throw DomainError.conflict('预约已取消 / already cancelled');
    if (!own)
      this.availability.notify(
        row.member_id,
        'booking.cancelled',
        cancellationNotice(cancelled, row.offer_title),
      );
    const [offer] = await this.dataSource.query<
      { car_park_id: string; resident_unit_id: string }[]
    >(`SELECT car_park_id, resident_unit_id FROM off_peak_offer WHERE id = $1`, [row.offer_id]);
    await this.availability.publish(offer!.car_park_id, offer!.resident_unit_id);
    return this.view(actor, id);
  }

  /** The resident (or the unit's gate staff) records arrival and departure; reminders use them. */
  async mark(actor: Actor, id: string, what: 'arrive' | 'leave'): Promise<BookingView> {
    const row = await this.readable(actor, id);
    const own = actor.role === 'resident' && actor.householdId === row.household_id;
    const unit = actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id;
    if (!own && !unit) throw DomainError.forbidden();
    if (row.status !== 'booked')
      throw DomainError.conflict('预约已取消 / the booking is cancelled');
    const now = this.clock.now();
    if (what === 'arrive') {
      // An hour's leeway before opening: residents queue at the gate.
      if (now.getTime() < new Date(row.starts_at).getTime() - 3600e3 || now >= row.ends_at)
        throw DomainError.conflict('不在开放时间内 / outside the booked window');
      await this.dataSource.query(
        `UPDATE booking SET arrived_at = COALESCE(arrived_at, $2) WHERE id = $1`,
        [id, now],
      );
    } else {
      if (!row.arrived_at) throw DomainError.conflict('尚未入场 / not arrived yet');
      await this.dataSource.query(
        `UPDATE booking SET left_at = COALESCE(left_at, $2) WHERE id = $1`,
        [id, now],
      );
      await this.dataSource.query(
        `UPDATE sharing_overstay SET resolved_at = $2 WHERE booking_id = $1 AND resolved_at IS NULL`,
        [id, now],
      );
    }
    return this.view(actor, id);
  }

  async mine(actor: Actor): Promise<BookingView[]> {
    if (actor.role !== 'resident' || !actor.householdId) return [];
    const rows: BookingRow[] = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE b.household_id = $1 AND b.night >= $2 ORDER BY b.night, b.created_at`,
      [actor.householdId, addDays(shanghaiDate(this.clock.now()), -7)],
    );
    return rows.map((r) => toBookingView(r, actor));
  }

  async view(actor: Actor, id: string): Promise<BookingView> {
    return toBookingView(await this.readable(actor, id), actor);
  }

  /** Residents: their household's; unit staff: their car parks'; council/wardens: their association's. */
  async readable(actor: Actor, id: string): Promise<BookingRow> {
    const [row] = await this.dataSource.query<BookingRow[]>(`${BOOKING_SELECT} WHERE b.id = $1`, [
      id,
    ]);
    const visible =
      row &&
      ((actor.role === 'resident' && actor.householdId === row.household_id) ||
        (actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id) ||
        ((actor.role === 'admin' || actor.role === 'warden') &&
          actor.associationId === row.association_id));
    if (!visible) throw DomainError.notFound('booking', id);
    return row;
  }

  private assertTermsAccepted(offer: OffPeakOffer, dto: BookNightDto): void {
    if (dto.termsHash && dto.termsHash !== offer.termsHash) throw termsChanged();
    if (offer.termsText && dto.acceptTerms !== true)
      throw DomainError.invalid(
        '请先阅读并同意单位的免责条款 / read and accept the unit’s terms (acceptTerms: true)',
        { termsHash: offer.termsHash },
      );
  }

  private async bookableWindow(offer: OffPeakOffer, date: string) {
    if (!isLocalDate(date)) throw DomainError.invalid(`日期无效 / ${date} is not a date`);
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const last = addDays(today, offer.bookingDaysAhead);
    if (date < addDays(today, -1) || date > last)
      throw DomainError.invalid(
        `只能预约今晚至${last} / book a night from tonight up to ${last} (${offer.bookingDaysAhead} days ahead)`,
      );
    const window = await this.availability.windowOn(offer, date);
    if (!window || window.endsAt <= now)
      throw DomainError.conflict(
        `该晚不开放 / "${offer.title}" is not open on the night of ${date}`,
      );
    return window;
  }

  /** The first named space of the nightly share (after those held for standing allocations). */
  private async freeSpace(
    query: (sql: string, params: unknown[]) => Promise<{ id: string }[]>,
    offerId: string,
    standingPlaces: number,
    night: { starts_at: Date; ends_at: Date },
  ): Promise<string | null> {
    const [space] = await query(
      `SELECT s.id FROM (
         SELECT s.id, s.code FROM off_peak_offer_space os JOIN car_park_space s ON s.id = os.space_id
          WHERE os.offer_id = $1 ORDER BY s.code OFFSET $2) s
        WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.space_id = s.id AND b.status = 'booked'
                             AND b.period && tstzrange($3, $4))
        ORDER BY s.code LIMIT 1`,
      [offerId, standingPlaces, night.starts_at, night.ends_at],
    );
    return space?.id ?? null;
  }
}

function full(date: string, title: string): DomainError {
  return DomainError.conflict(
    `车位已满 / no places left at "${title}" for the night of ${date}; try another night`,
    { reason: 'full', night: date },
  );
}

function notLive(status: string | undefined): DomainError {
  return status === 'paused'
    ? DomainError.conflict('单位已暂停共享 / the unit has paused this offer', { reason: 'paused' })
    : DomainError.conflict('共享已结束 / the offer has ended', { reason: 'ended' });
}

function termsChanged(): DomainError {
  return DomainError.conflict('免责条款已更新,请重新阅读 / the terms changed: read them again', {
    reason: 'terms_changed',
  });
}

/** The database's refusals, in words a resident understands. */
function translate(error: unknown, date: string, title: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as { code?: string; constraint?: string };
  switch (driver.constraint) {
    case 'offer_night_capacity_check':
    case 'booking_space_no_overlap':
      return full(date, title);
    case 'booking_vehicle_no_overlap':
      return DomainError.conflict(
        `该车当晚已有预约 / this vehicle already has a booking overlapping the night of ${date}`,
        { reason: 'vehicle_booked' },
      );
    case undefined:
    default:
      return error;
  }
}
