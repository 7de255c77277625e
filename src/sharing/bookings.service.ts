import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { addDays, isLocalDate, shanghaiDate, shanghaiDateTime } from '../common/shanghai-time';
import { Transactions } from '../database/transactions';
import type { Lang } from '../shared/i18n';
import { AvailabilityService } from './availability.service';
import { toBookingView } from './booking-views';
import { BookingRepository, type BookingRow } from './booking.repository';
import type { BookNightDto } from './dto/booking.dto';
import { OfferEligibilityService } from './offer-eligibility.service';
import type { OffPeakOffer } from './off-peak-offer';
import { OfferNightRepository } from './offer-night.repository';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { OffersService } from './offers.service';
import { OverstayRepository } from './overstay.repository';
import { BookingCancelled } from './sharing.events';
import { canBook, canHandleBooking, canReadBooking, isHolderOf } from './sharing.policy';
import { type Page, pageOf, type PageQuery, skipOf } from '../common/pagination';
import type { BookingResponse } from '../shared/api/sharing';

/** A resident may come an hour before opening: residents queue at the gate. */
const EARLY_ARRIVAL_MS = 3600e3;
/** A night of off-peak sharing runs into the next morning: until noon, it is still last night. */
const TONIGHT_LAG_MS = 12 * 3600e3;

/** Nightly bookings: the system picks the place; PostgreSQL refuses the one too many. */
@Injectable()
export class BookingsService {
  constructor(
    private readonly offersService: OffersService,
    private readonly offers: OffPeakOfferRepository,
    private readonly nights: OfferNightRepository,
    private readonly bookings: BookingRepository,
    private readonly overstays: OverstayRepository,
    private readonly vehicles: VehiclesService,
    private readonly availability: AvailabilityService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly eligibility: OfferEligibilityService,
    private readonly clock: Clock,
  ) {}

  /**
   * For the street office: the association's bookings of tonight, a count. Before noon "tonight"
   * is the night still running (it began yesterday evening).
   */
  bookedTonight(associationId: string): Promise<number> {
    const night = shanghaiDate(new Date(this.clock.now().getTime() - TONIGHT_LAG_MS));
    return this.bookings.countOfNight(associationId, night);
  }

  async book(
    actor: Actor,
    offerId: string,
    dto: BookNightDto,
    lang: Lang,
  ): Promise<BookingResponse> {
    if (!canBook(actor)) throw new DomainError('booking.resident_only');
    const offer = await this.offersService.readable(actor, offerId);
    const vehicle = await this.vehicles.readable(actor, dto.vehicleId);
    await this.eligibility.assertMay(actor, offer, vehicle.id);
    assertTermsAccepted(offer, dto);
    const window = await this.bookableWindow(offer, dto.date);

    const bookingId = await this.transactions.run(async (tx) => {
      const locked = await this.offers.lockForBooking(tx, offer.id);
      if (!locked || locked.status === 'ended') throw new DomainError('offer.ended');
      if (locked.status === 'paused') throw new DomainError('offer.paused');
      if (locked.termsHash !== offer.termsHash) throw new DomainError('booking.terms_changed');
      const night = await this.nights.lockNight(
        tx,
        offer.id,
        dto.date,
        window,
        locked.nightlyPlaces,
      );
      const full = new DomainError('booking.full', { offer: offer.title, night: dto.date });
      if (night.booked >= night.capacity) throw full;
      const spaceId = offer.namedSpaces
        ? await this.bookings.freeSpace(tx, offer.id, locked.standingPlaces, night)
        : null;
      if (offer.namedSpaces && !spaceId) throw full;
      const id = await this.bookings.insert(
        tx,
        {
          offerId: offer.id,
          night: dto.date,
          carParkId: offer.carParkId,
          startsAt: night.startsAt,
          endsAt: night.endsAt,
          associationId: vehicle.associationId,
          householdId: vehicle.householdId,
          memberId: actor.memberId,
          vehicleId: vehicle.id,
          plate: vehicle.plate,
          plateColor: vehicle.plateColor,
          spaceId,
          termsHash: locked.termsHash,
          termsAcceptedAt: this.clock.now(),
        },
        offer.title,
      );
      await this.availability.announce(tx, offer.carParkId, offer.residentUnitId);
      return id;
    });
    return this.view(actor, bookingId, lang);
  }

  async cancel(actor: Actor, id: string, lang: Lang): Promise<BookingResponse> {
    const row = await this.handled(actor, id);
    const own = isHolderOf(actor, heldPlace(row));
    const now = this.clock.now();
    if (row.status === 'cancelled') throw new DomainError('booking.already_cancelled');
    if (new Date(row.ends_at) <= now) throw nightOver(row);
    await this.transactions.run(async (tx) => {
      // FOR SHARE like a booking: a change of the offer waits for the cancellation.
      await this.offers.lockForBooking(tx, row.offer_id);
      const [cancelled] = await this.bookings.cancel(
        tx,
        [id],
        own ? 'resident' : 'unit',
        actor.memberId,
        now,
      );
      if (!cancelled) throw new DomainError('booking.already_cancelled');
      if (!own)
        this.events.publish(
          tx,
          new BookingCancelled(row.member_id, {
            bookingId: id,
            offerId: row.offer_id,
            offerTitle: row.offer_title,
            night: row.night,
            reason: cancelled.reason,
          }),
        );
      await this.availability.announce(tx, row.car_park_id, row.resident_unit_id);
    });
    return this.view(actor, id, lang);
  }

  /** The resident (or the unit's gate staff) records arrival and departure; reminders use them. */
  async mark(actor: Actor, id: string, what: 'arrive' | 'leave', lang: Lang) {
    const row = await this.handled(actor, id);
    if (row.status !== 'booked') throw new DomainError('booking.already_cancelled');
    const now = this.clock.now();
    const startsAt = new Date(row.starts_at);
    const endsAt = new Date(row.ends_at);
    await this.transactions.run(async (tx) => {
      if (what === 'arrive') {
        if (now >= endsAt) throw nightOver(row);
        if (now.getTime() < startsAt.getTime() - EARLY_ARRIVAL_MS)
          throw new DomainError('booking.outside_window', {
            arriveFrom: shanghaiDateTime(new Date(startsAt.getTime() - EARLY_ARRIVAL_MS)),
            mustLeaveBy: shanghaiDateTime(endsAt),
            rule: 'offer',
          });
        await this.bookings.markArrived(tx, id, now);
      } else {
        if (!row.arrived_at) throw new DomainError('booking.not_arrived');
        await this.bookings.markLeft(tx, id, now);
        await this.overstays.resolve(tx, id, now);
      }
    });
    return this.view(actor, id, lang);
  }

  async mine(actor: Actor, lang: Lang): Promise<BookingResponse[]> {
    if (!canBook(actor) || !actor.householdId) return [];
    const rows = await this.bookings.listOfHousehold(
      actor.householdId,
      addDays(shanghaiDate(this.clock.now()), -7),
    );
    return rows.map((r) => toBookingView(r, actor, lang));
  }

  /** The household's past bookings (nights before today in Beijing), the latest first. */
  async history(actor: Actor, query: PageQuery, lang: Lang): Promise<Page<BookingResponse>> {
    if (!canBook(actor) || !actor.householdId) return pageOf([], 0, query);
    const { rows, total } = await this.bookings.pastOfHousehold(
      actor.householdId,
      shanghaiDate(this.clock.now()),
      query.pageSize,
      skipOf(query),
    );
    return pageOf(
      rows.map((r) => toBookingView(r, actor, lang)),
      total,
      query,
    );
  }

  async view(actor: Actor, id: string, lang: Lang): Promise<BookingResponse> {
    return toBookingView(await this.readable(actor, id), actor, lang);
  }

  /** Residents: their household's; unit staff: their car parks'; council/wardens: their association's. */
  private async readable(actor: Actor, id: string): Promise<BookingRow> {
    const row = await this.bookings.find(id);
    if (!row || !canReadBooking(actor, heldPlace(row))) throw DomainError.notFound('booking', id);
    return row;
  }

  /** A booking the actor may cancel or mark: its household, or the unit's gate. */
  private async handled(actor: Actor, id: string): Promise<BookingRow> {
    const row = await this.readable(actor, id);
    if (!canHandleBooking(actor, heldPlace(row))) throw new DomainError('forbidden');
    return row;
  }

  private async bookableWindow(offer: OffPeakOffer, date: string) {
    if (!isLocalDate(date)) throw new DomainError('booking.date_invalid', { date });
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const last = addDays(today, offer.bookingDaysAhead);
    if (date < addDays(today, -1) || date > last)
      throw new DomainError('booking.night_out_of_range', {
        last,
        days: offer.bookingDaysAhead,
        rule: 'offer',
      });
    const window = await this.availability.windowOn(offer, date);
    if (!window || window.endsAt <= now)
      throw new DomainError('booking.night_closed', {
        offer: offer.title,
        night: date,
        rule: 'offer',
      });
    return window;
  }
}

function assertTermsAccepted(offer: OffPeakOffer, dto: BookNightDto): void {
  if (dto.termsHash && dto.termsHash !== offer.termsHash)
    throw new DomainError('booking.terms_changed');
  if (offer.termsText && dto.acceptTerms !== true)
    throw new DomainError('booking.terms_not_accepted', { termsHash: offer.termsHash });
}

/** The unit's leave-by: its window ended. */
function nightOver(row: BookingRow): DomainError {
  return new DomainError('booking.night_over', {
    mustLeaveBy: shanghaiDateTime(new Date(row.ends_at)),
    rule: 'offer',
  });
}

function heldPlace(row: BookingRow) {
  return {
    householdId: row.household_id,
    associationId: row.association_id,
    residentUnitId: row.resident_unit_id,
  };
}
