import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AvailabilityService, scheduleOf } from './availability.service';
import {
  type CancelledBooking,
  cancelBookings,
  cancellationNotice,
  type CancelReason,
} from './booking-notices';
import type { ChangeOfferDto, OfferChangeView, OfferView } from './dto/offer.dto';
import { OffPeakOffer, type OfferStatus } from './off-peak-offer.entity';
import { fromRuleDto } from './offer-views';
import { addDays } from '../common/shanghai-time';
import { scheduleProblems, windowOn } from './offer-windows';
import { OffersService, termsHashOf } from './offers.service';
import { assertUnitStaff } from './sharing-access';
import { returnedRows } from './returned-rows';

export type OfferAction = 'pause' | 'resume' | 'end';

interface Outcome {
  cancelled: CancelledBooking[];
  notices: { memberId: string; event: string; payload: unknown }[];
}

/**
 * The unit's changes to a published offer. Each runs with the offer row locked FOR UPDATE, so it
 * waits for bookings in flight (they hold it FOR SHARE) and none slips in half-way. Bookings that
 * no longer fit are cancelled with their reason kept and a notice to the resident.
 */
@Injectable()
export class OfferLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
  ) {}

  async change(actor: Actor, id: string, dto: ChangeOfferDto): Promise<OfferChangeView> {
    const { offer, cancelled } = await this.locked(actor, id, async (em, offer) => {
      if (offer.status === 'ended') throw DomainError.conflict('共享已结束 / the offer has ended');
      const capacityBefore = offer.nightlyPlaces;
      if (dto.rules) offer.weeklyRules = dto.rules.map(fromRuleDto);
      if (dto.validTo !== undefined) offer.validTo = dto.validTo;
      if (dto.blackoutDates) offer.blackoutDates = [...new Set(dto.blackoutDates)].sort();
      if (dto.eligibleAssociationIds) offer.eligibleAssociationIds = dto.eligibleAssociationIds;
      if (dto.graceMinutes !== undefined) offer.graceMinutes = dto.graceMinutes;
      if (dto.monthlyFeeCny !== undefined) offer.monthlyFeeCny = String(dto.monthlyFeeCny);
      if (dto.bookingDaysAhead !== undefined) offer.bookingDaysAhead = dto.bookingDaysAhead;
      if (dto.title !== undefined) offer.title = dto.title;
      if (dto.termsText !== undefined) {
        offer.termsText = dto.termsText;
        offer.termsHash = termsHashOf(dto.termsText);
      }
      if (dto.places !== undefined) {
        if (offer.namedSpaces)
          throw DomainError.invalid(
            '指定车位的共享不能改数量 / named-space offers keep their spaces',
          );
        if (dto.places < offer.standingPlaces)
          throw DomainError.invalid('开放车位少于长期车位 / places below the standing places');
        offer.places = dto.places;
      }
      const problems = scheduleProblems(scheduleOf(offer));
      if (problems.length > 0) throw DomainError.invalid(problems.join('; '), { problems });
      await em.save(offer);
      return {
        cancelled: await this.refit(em, capacityBefore, offer, actor.memberId),
        notices: [],
      };
    });
    return { offer: await this.offers.get(actor, offer.id), cancelledBookings: cancelled };
  }

  async act(actor: Actor, id: string, action: OfferAction): Promise<OfferView> {
    const { offer } = await this.locked(actor, id, async (em, offer) => {
      const next = transition(offer.status, action);
      offer.status = next;
      offer.endedAt = next === 'ended' ? this.clock.now() : null;
      await em.save(offer);
      if (next !== 'ended') return { cancelled: [], notices: [] };
      // Nights not yet begun are cancelled; a car already parked tonight may stay until its time.
      const ids: { id: string }[] = await em.query(
        `SELECT id FROM booking WHERE offer_id = $1 AND status = 'booked' AND lower(period) > $2`,
        [offer.id, this.clock.now()],
      );
      const allocations = returnedRows<{ id: string; member_id: string }>(
        await em.query(
          `UPDATE standing_allocation SET status = 'cancelled', cancelled_at = $2, cancel_reason = 'offer_ended'
          WHERE offer_id = $1 AND status <> 'cancelled' RETURNING id, member_id`,
          [offer.id, this.clock.now()],
        ),
      );
      const notices = allocations.map((a) => ({
        memberId: a.member_id,
        event: 'allocation.cancelled',
        payload: {
          allocationId: a.id,
          offerId: offer.id,
          reason: 'offer_ended',
          message: '共享已结束 / the unit ended the offer',
        },
      }));
      const cancelled = await cancelBookings(
        em,
        ids.map((r) => r.id),
        'offer_ended',
        actor.memberId,
        this.clock.now(),
      );
      return { cancelled, notices };
    });
    return this.offers.get(actor, offer.id);
  }

  private async locked(
    actor: Actor,
    id: string,
    work: (em: EntityManager, offer: OffPeakOffer) => Promise<Outcome>,
  ): Promise<{ offer: OffPeakOffer; cancelled: number }> {
    await this.offers.readable(actor, id);
    const { offer, cancelled, notices } = await this.dataSource.transaction(async (em) => {
      const offer = await em.findOne(OffPeakOffer, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!offer) throw DomainError.notFound('offer', id);
      assertUnitStaff(actor, offer, 'offer', id);
      return { offer, ...(await work(em, offer)) };
    });
    for (const booking of cancelled) {
      this.availability.notify(
        booking.memberId,
        'booking.cancelled',
        cancellationNotice(booking, offer.title),
      );
    }
    for (const n of notices) this.availability.notify(n.memberId, n.event, n.payload);
    await this.availability.publish(offer.carParkId, offer.residentUnitId);
    return { offer, cancelled: cancelled.length };
  }

  /**
   * Nights not yet begun are fitted to the changed offer: a night whose window moved or vanished
   * loses its bookings (kept only where the window is exactly the same), and a night with more
   * bookings than the new capacity cancels the latest ones.
   */
  private async refit(
    em: EntityManager,
    capacityBefore: number,
    after: OffPeakOffer,
    by: string,
  ): Promise<CancelledBooking[]> {
    const now = this.clock.now();
    const nights: { night: string; starts: Date; ends: Date; booked: number }[] = await em.query(
      `SELECT to_char(night, 'YYYY-MM-DD') AS night, lower(period) AS starts, upper(period) AS ends, booked
         FROM offer_night WHERE offer_id = $1 AND lower(period) > $2 ORDER BY night`,
      [after.id, now],
    );
    if (nights.length === 0) return [];
    const first = nights[0]!.night;
    const last = nights[nights.length - 1]!.night;
    const calendar = await this.availability.calendarFor(addDays(first, -1), last);
    const capacity = after.places - after.standingPlaces;
    const cancelled: CancelledBooking[] = [];
    for (const night of nights) {
      const window = windowOn(scheduleOf(after), night.night, calendar);
      const same =
        window &&
        window.startsAt.getTime() === new Date(night.starts).getTime() &&
        window.endsAt.getTime() === new Date(night.ends).getTime();
      if (!same) {
        const reason: CancelReason = after.blackoutDates.includes(night.night)
          ? 'blackout'
          : 'offer_changed';
        const ids: { id: string }[] = await em.query(
          `SELECT id FROM booking WHERE offer_id = $1 AND night = $2 AND status = 'booked'`,
          [after.id, night.night],
        );
        cancelled.push(
          ...(await cancelBookings(
            em,
            ids.map((r) => r.id),
            reason,
            by,
            now,
          )),
        );
        // The night keeps its row (the cancelled bookings point at it) with the new hours, if any.
        if (window)
          await em.query(
            `UPDATE offer_night SET period = tstzrange($3, $4) WHERE offer_id = $1 AND night = $2`,
            [after.id, night.night, window.startsAt, window.endsAt],
          );
      }
      if (capacity !== capacityBefore) {
        const over: { id: string }[] = await em.query(
          `SELECT id FROM booking WHERE offer_id = $1 AND night = $2 AND status = 'booked'
            ORDER BY created_at DESC LIMIT GREATEST(0, (SELECT booked FROM offer_night
              WHERE offer_id = $1 AND night = $2) - $3)`,
          [after.id, night.night, capacity],
        );
        cancelled.push(
          ...(await cancelBookings(
            em,
            over.map((r) => r.id),
            'capacity_reduced',
            by,
            now,
          )),
        );
        await em.query(`UPDATE offer_night SET capacity = $3 WHERE offer_id = $1 AND night = $2`, [
          after.id,
          night.night,
          capacity,
        ]);
      }
    }
    return cancelled;
  }
}

function transition(status: OfferStatus, action: OfferAction): OfferStatus {
  if (status === 'ended') throw DomainError.conflict('共享已结束 / the offer has already ended');
  switch (action) {
    case 'pause':
      if (status === 'paused') throw DomainError.conflict('已暂停 / the offer is already paused');
      return 'paused';
    case 'resume':
      if (status === 'live') throw DomainError.conflict('已开放 / the offer is already live');
      return 'live';
    case 'end':
      return 'ended';
  }
}
