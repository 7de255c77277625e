import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { addDays, shanghaiDate } from '../common/shanghai-time';
import type { Tx } from '../database/transactions';
import type { CarParkAvailability, CarParkNight } from '../shared/live/sharing';
import { CarParkRepository } from './car-park.repository';
import { HolidayCalendarService } from './holiday-calendar.service';
import { nightlyPlaces, type OffPeakOffer, scheduleOf } from './off-peak-offer';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { OfferNightRepository } from './offer-night.repository';
import { type HolidayCalendar, type OfferWindow, windowOn, windowsBetween } from './offer-windows';
import { CarParkAvailabilityChanged } from './sharing.events';

export type { CarParkAvailability };

/** Free places per night, from the offer's windows and the committed per-night counters. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly offers: OffPeakOfferRepository,
    private readonly carParks: CarParkRepository,
    private readonly nights: OfferNightRepository,
    private readonly calendar: HolidayCalendarService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** The calendar around a range, with a day's margin for the night before. */
  calendarFor(from: string, to: string, tx?: Tx): Promise<HolidayCalendar> {
    return this.calendar.between(addDays(from, -1), to, tx);
  }

  async windowOn(offer: OffPeakOffer, night: string): Promise<OfferWindow | null> {
    return windowOn(scheduleOf(offer), night, await this.calendarFor(night, night));
  }

  /** Windows still open or ahead: tonight's (even if it began yesterday) to bookingDaysAhead. */
  async windowsAhead(offer: OffPeakOffer, now: Date, tx?: Tx): Promise<OfferWindow[]> {
    const today = shanghaiDate(now);
    const from = addDays(today, -1);
    const to = addDays(today, offer.bookingDaysAhead);
    const calendar = await this.calendarFor(from, to, tx);
    const windows = windowsBetween(scheduleOf(offer), from, to, calendar);
    return windows.filter((w) => w.endsAt > now);
  }

  async nightsAhead(offers: OffPeakOffer[], tx?: Tx): Promise<Map<string, CarParkNight[]>> {
    const now = this.clock.now();
    const result = new Map<string, CarParkNight[]>();
    if (offers.length === 0) return result;
    const rows = await this.nights.from(
      offers.map((o) => o.id),
      addDays(shanghaiDate(now), -1),
      tx,
    );
    const counted = new Map(rows.map((r) => [`${r.offerId}/${r.night}`, r]));
    for (const offer of offers) {
      const windows = offer.status === 'ended' ? [] : await this.windowsAhead(offer, now, tx);
      result.set(
        offer.id,
        windows.map((w) => {
          const row = counted.get(`${offer.id}/${w.night}`);
          const capacity = row?.capacity ?? nightlyPlaces(offer);
          const booked = row?.booked ?? 0;
          return {
            night: w.night,
            startsAt: w.startsAt.toISOString(),
            endsAt: w.endsAt.toISOString(),
            capacity,
            booked,
            free: offer.status === 'live' ? Math.max(0, capacity - booked) : 0,
          };
        }),
      );
    }
    return result;
  }

  /** What the live feed shows for a car park: its offers' availability per window. No plates. */
  async carPark(carParkId: string, tx?: Tx): Promise<CarParkAvailability> {
    const offers = await this.offers.listOfCarPark(carParkId, tx);
    const open = offers.filter((o) => o.status !== 'ended');
    const nights = await this.nightsAhead(open, tx);
    return {
      carParkId,
      at: this.clock.now().toISOString(),
      offers: open.map((o) => ({
        offerId: o.id,
        title: o.title,
        status: o.status,
        nights: nights.get(o.id) ?? [],
      })),
    };
  }

  /**
   * The car park's availability as `tx` leaves it (read on `tx` itself: a transaction holding
   * locks must not wait for a second connection of the pool), announced once `tx` commits (to its
   * followers and the unit's staff, by the live listener).
   */
  async announce(tx: Tx, carParkId: string, residentUnitId: string): Promise<void> {
    const availability = await this.carPark(carParkId, tx);
    this.events.publish(tx, new CarParkAvailabilityChanged(residentUnitId, availability));
  }

  /** Whether any of the car park's live offers is open at an instant (for shared permit scans). */
  async openAt(carParkId: string, at: Date): Promise<boolean | null> {
    const offers = await this.offers.liveOfCarPark(carParkId);
    if (offers.length === 0) return false;
    const today = shanghaiDate(at);
    const calendar = await this.calendarFor(addDays(today, -1), today);
    return offers.some((offer) =>
      [addDays(today, -1), today].some((night) => {
        const w = windowOn(scheduleOf(offer), night, calendar);
        return w !== null && w.startsAt <= at && at < w.endsAt;
      }),
    );
  }

  /**
   * Whether an association's wardens check this car park: it is the association's own, or an
   * offer there is (or was) open to it. Scans answer 404 for any other.
   */
  servesAssociation(carParkId: string, associationId: string): Promise<boolean> {
    return this.carParks.servesAssociation(carParkId, associationId);
  }
}
