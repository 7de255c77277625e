import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { addDays } from '../common/shanghai-time';
import { Transactions, type Tx } from '../database/transactions';
import { PermitsService } from '../permits/permits.service';
import type { Lang } from '../shared/i18n';
import type { BookingCancelReason } from '../shared/live/sharing';
import { AvailabilityService } from './availability.service';
import { BookingRepository, type CancelledBooking } from './booking.repository';
import type { ChangeOfferDto, OfferChangeView } from './dto/offer.dto';
import { nightlyPlaces, type OffPeakOffer, type OfferStatus, scheduleOf } from './off-peak-offer';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { OfferNightRepository } from './offer-night.repository';
import { fromRuleDto } from './offer-views';
import { windowOn } from './offer-windows';
import { assertSchedule, OffersService, termsHashOf } from './offers.service';
import { AllocationCancelled, BookingCancelled } from './sharing.events';
import { OfferEligibilityService } from './offer-eligibility.service';
import { assertLender } from './sharing.policy';
import { StandingAllocationRepository } from './standing-allocation.repository';
import type { OfferResponse } from '../shared/api/sharing';

export type OfferAction = 'pause' | 'resume' | 'end';

/**
 * The unit's changes to a published offer. Each runs with the offer row locked FOR UPDATE, so it
 * waits for bookings in flight (they hold it FOR SHARE) and none slips in half-way. Bookings that
 * no longer fit are cancelled with their reason kept and a notice to the resident.
 */
@Injectable()
export class OfferLifecycleService {
  constructor(
    private readonly offersService: OffersService,
    private readonly offers: OffPeakOfferRepository,
    private readonly nights: OfferNightRepository,
    private readonly bookings: BookingRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly availability: AvailabilityService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly eligibility: OfferEligibilityService,
    private readonly permits: PermitsService,
    private readonly clock: Clock,
  ) {}

  async change(actor: Actor, id: string, dto: ChangeOfferDto, lang: Lang) {
    if (dto.eligibleAssociationIds)
      await this.offersService.assertAssociationsExist(dto.eligibleAssociationIds);
    const cancelled = await this.locked(actor, id, async (tx, offer) => {
      if (offer.status === 'ended') throw new DomainError('offer.ended');
      const capacityBefore = nightlyPlaces(offer);
      if (dto.rules) offer.weeklyRules = dto.rules.map(fromRuleDto);
      if (dto.validTo !== undefined) offer.validTo = dto.validTo;
      if (dto.blackoutDates) offer.blackoutDates = [...new Set(dto.blackoutDates)].sort();
      if (dto.eligibleAssociationIds) offer.eligibleAssociationIds = dto.eligibleAssociationIds;
      if (dto.eligibleLaneIds) offer.eligibleLaneIds = dto.eligibleLaneIds;
      if (dto.requiresLicenceOwner !== undefined)
        offer.requiresLicenceOwner = dto.requiresLicenceOwner;
      if (dto.eligiblePlateColors) offer.eligiblePlateColors = dto.eligiblePlateColors;
      await this.eligibility.assertLanes(offer.eligibleAssociationIds, offer.eligibleLaneIds);
      if (dto.graceMinutes !== undefined) offer.graceMinutes = dto.graceMinutes;
      if (dto.monthlyFeeCny !== undefined) offer.monthlyFeeCny = String(dto.monthlyFeeCny);
      if (dto.bookingDaysAhead !== undefined) offer.bookingDaysAhead = dto.bookingDaysAhead;
      if (dto.title !== undefined) offer.title = dto.title;
      if (dto.termsText !== undefined) {
        offer.termsText = dto.termsText;
        offer.termsHash = termsHashOf(dto.termsText);
      }
      if (dto.places !== undefined) {
        if (offer.namedSpaces) throw new DomainError('offer.named_spaces_fixed');
        if (dto.places < offer.standingPlaces)
          throw new DomainError('offer.standing_exceeds_places', {
            standingPlaces: offer.standingPlaces,
            places: dto.places,
          });
        offer.places = dto.places;
      }
      assertSchedule(scheduleOf(offer));
      // More places or other hours: the database refuses what the car park cannot hold.
      await this.offers.update(tx, offer);
      return this.refit(tx, capacityBefore, offer, actor.memberId);
    });
    const view: OfferChangeView = {
      offer: await this.offersService.get(actor, id, lang),
      cancelledBookings: cancelled,
    };
    return view;
  }

  async act(actor: Actor, id: string, action: OfferAction, lang: Lang): Promise<OfferResponse> {
    await this.locked(actor, id, async (tx, offer) => {
      const now = this.clock.now();
      offer.status = transition(offer.status, action);
      offer.endedAt = offer.status === 'ended' ? now : null;
      await this.offers.update(tx, offer);
      if (offer.status !== 'ended') return [];
      // Nights not yet begun are cancelled; a car already parked tonight may stay until its time.
      const ended = await this.allocations.cancelAllOfOffer(tx, offer.id, now, 'offer_ended');
      for (const allocation of ended) {
        if (allocation.permit_id)
          await this.permits.revokeUnlessEnded(allocation.permit_id, '错时共享已结束', tx);
        this.events.publish(
          tx,
          new AllocationCancelled(allocation.member_id, {
            allocationId: allocation.id,
            offerId: offer.id,
            reason: 'offer_ended',
          }),
        );
      }
      const ids = await this.bookings.notBegun(tx, offer.id, now);
      return this.bookings.cancel(tx, ids, 'offer_ended', actor.memberId, now);
    });
    return this.offersService.get(actor, id, lang);
  }

  /**
   * Runs `work` on the offer locked FOR UPDATE, then tells each resident whose booking it
   * cancelled and the car park's followers, once committed. Returns how many were cancelled.
   */
  private async locked(
    actor: Actor,
    id: string,
    work: (tx: Tx, offer: OffPeakOffer) => Promise<CancelledBooking[]>,
  ): Promise<number> {
    await this.offersService.readable(actor, id);
    return this.transactions.run(async (tx) => {
      const offer = await this.offers.lockForChange(tx, id);
      if (!offer) throw DomainError.notFound('offer', id);
      assertLender(actor, offer, 'offer', id);
      const cancelled = await work(tx, offer);
      for (const booking of cancelled) {
        this.events.publish(
          tx,
          new BookingCancelled(booking.memberId, {
            bookingId: booking.id,
            offerId: booking.offerId,
            offerTitle: offer.title,
            night: booking.night,
            reason: booking.reason,
          }),
        );
      }
      await this.availability.announce(tx, offer.carParkId, offer.residentUnitId);
      return cancelled.length;
    });
  }

  /**
   * Nights not yet begun are fitted to the changed offer: a night whose window moved or vanished
   * loses its bookings (kept only where the window is exactly the same), and a night with more
   * bookings than the new capacity cancels the latest ones.
   */
  private async refit(
    tx: Tx,
    capacityBefore: number,
    after: OffPeakOffer,
    by: string,
  ): Promise<CancelledBooking[]> {
    const now = this.clock.now();
    const nights = await this.nights.notBegun(tx, after.id, now);
    if (nights.length === 0) return [];
    const calendar = await this.availability.calendarFor(
      addDays(nights[0]!.night, -1),
      nights[nights.length - 1]!.night,
      tx,
    );
    const capacity = nightlyPlaces(after);
    const cancelled: CancelledBooking[] = [];
    for (const night of nights) {
      const window = windowOn(scheduleOf(after), night.night, calendar);
      const same =
        window &&
        window.startsAt.getTime() === night.startsAt.getTime() &&
        window.endsAt.getTime() === night.endsAt.getTime();
      if (!same) {
        const reason: BookingCancelReason = after.blackoutDates.includes(night.night)
          ? 'blackout'
          : 'offer_changed';
        const ids = await this.bookings.liveOfNight(tx, after.id, night.night);
        cancelled.push(...(await this.bookings.cancel(tx, ids, reason, by, now)));
        if (window) await this.nights.move(tx, after.id, night.night, window);
      }
      if (capacity !== capacityBefore) {
        const over = await this.bookings.beyondCapacity(tx, after.id, night.night, capacity);
        cancelled.push(...(await this.bookings.cancel(tx, over, 'capacity_reduced', by, now)));
        await this.nights.setCapacity(tx, after.id, night.night, capacity);
      }
    }
    return cancelled;
  }
}

function transition(status: OfferStatus, action: OfferAction): OfferStatus {
  if (status === 'ended') throw new DomainError('offer.ended');
  switch (action) {
    case 'pause':
      if (status === 'paused') throw new DomainError('offer.already_paused');
      return 'paused';
    case 'resume':
      if (status === 'live') throw new DomainError('offer.already_live');
      return 'live';
    case 'end':
      return 'ended';
  }
}
