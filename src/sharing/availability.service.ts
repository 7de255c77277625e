import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import type { NightView } from './dto/offer.dto';
import { HolidayCalendarService } from './holiday-calendar.service';
import { OffPeakOffer } from './off-peak-offer.entity';
import { addDays, shanghaiDate } from '../common/shanghai-time';
import {
  type HolidayCalendar,
  type OfferSchedule,
  type OfferWindow,
  windowOn,
  windowsBetween,
} from './offer-windows';

export function scheduleOf(offer: OffPeakOffer): OfferSchedule {
  return {
    rules: offer.weeklyRules,
    validFrom: offer.validFrom,
    validTo: offer.validTo,
    blackoutDates: offer.blackoutDates,
  };
}

export interface CarParkAvailability {
  carParkId: string;
  at: string;
  offers: { offerId: string; title: string; status: string; nights: NightView[] }[];
}

/** Free places per night, from the offer's windows and the committed per-night counters. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: HolidayCalendarService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /** The calendar around a range, with a day's margin for the night before. */
  calendarFor(from: string, to: string): Promise<HolidayCalendar> {
    return this.calendar.between(addDays(from, -1), to);
  }

  async windowOn(offer: OffPeakOffer, night: string): Promise<OfferWindow | null> {
    return windowOn(scheduleOf(offer), night, await this.calendarFor(night, night));
  }

  /** Windows still open or ahead: tonight's (even if it began yesterday) to bookingDaysAhead. */
  async windowsAhead(offer: OffPeakOffer, now = this.clock.now()): Promise<OfferWindow[]> {
    const today = shanghaiDate(now);
    const from = addDays(today, -1);
    const to = addDays(today, offer.bookingDaysAhead);
    const windows = windowsBetween(scheduleOf(offer), from, to, await this.calendarFor(from, to));
    return windows.filter((w) => w.endsAt > now);
  }

  async nightsAhead(offers: OffPeakOffer[], em: EntityManager = this.dataSource.manager) {
    const now = this.clock.now();
    const result = new Map<string, NightView[]>();
    if (offers.length === 0) return result;
    const rows: { offer_id: string; night: string; capacity: number; booked: number }[] =
      await em.query(
        `SELECT offer_id, to_char(night, 'YYYY-MM-DD') AS night, capacity, booked
           FROM offer_night WHERE offer_id = ANY($1) AND night >= $2`,
        [offers.map((o) => o.id), addDays(shanghaiDate(now), -1)],
      );
    const counted = new Map(rows.map((r) => [`${r.offer_id}/${r.night}`, r]));
    for (const offer of offers) {
      const windows = offer.status === 'ended' ? [] : await this.windowsAhead(offer, now);
      result.set(
        offer.id,
        windows.map((w) => {
          const row = counted.get(`${offer.id}/${w.night}`);
          const capacity = row?.capacity ?? offer.nightlyPlaces;
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
  async carPark(carParkId: string): Promise<CarParkAvailability> {
    const offers = await this.dataSource
      .getRepository(OffPeakOffer)
      .find({ where: { carParkId }, order: { createdAt: 'ASC' } });
    const open = offers.filter((o) => o.status !== 'ended');
    const nights = await this.nightsAhead(open);
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

  /** Whether any of the car park's live offers is open at an instant (for shared permit scans). */
  async openAt(carParkId: string, at: Date): Promise<boolean | null> {
    const offers = await this.dataSource
      .getRepository(OffPeakOffer)
      .find({ where: { carParkId, status: 'live' } });
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
  async servesAssociation(carParkId: string, associationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM car_park c
        WHERE c.id = $1 AND (c.association_id = $2 OR EXISTS (
          SELECT 1 FROM off_peak_offer o
           WHERE o.car_park_id = c.id AND $2 = ANY (o.eligible_association_ids)))`,
      [carParkId, associationId],
    );
    return rows.length > 0;
  }

  /** After commit: `carpark.updated` to the car park's followers and to the unit's staff. */
  async publish(carParkId: string, residentUnitId: string): Promise<void> {
    const payload = await this.carPark(carParkId);
    for (const room of [rooms.carPark(carParkId), rooms.residentUnit(residentUnitId)]) {
      this.events.emit(LIVE_PUSH, { room, event: 'carpark.updated', payload } satisfies LivePush);
    }
  }

  /** A notice to one member (a cancelled booking, a reminder), after commit. */
  notify(memberId: string, event: string, payload: unknown): void {
    this.events.emit(LIVE_PUSH, {
      room: rooms.member(memberId),
      event,
      payload,
    } satisfies LivePush);
  }

  emit(push: LivePush): void {
    this.events.emit(LIVE_PUSH, push);
  }
}
