import { Module, type OnModuleInit } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { LiveModule } from '../live/live.module';
import { LiveTopics } from '../live/live-topics';
import { PermitsModule } from '../permits/permits.module';
import { PaymentsModule } from '../payments/payments.module';
import { AllocationFeesService } from './allocation-fees.service';
import { AllocationsService } from './allocations.service';
import { AvailabilityService } from './availability.service';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { AllocationDrawRepository } from './allocation-draw.repository';
import { AllocationLedgerService } from './allocation-ledger.service';
import { DrawsController } from './draws.controller';
import { DrawsService } from './draws.service';
import { BookingRepository } from './booking.repository';
import { CarParkRepository } from './car-park.repository';
import { CarParkTopic } from './car-park-topic';
import { CarParksController } from './car-parks.controller';
import { CarParksService } from './car-parks.service';
import { HolidayCalendarController } from './holiday-calendar.controller';
import { HolidayCalendarRepository } from './holiday-calendar.repository';
import { HolidayCalendarService } from './holiday-calendar.service';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { OfferLifecycleService } from './offer-lifecycle.service';
import { OfferNightRepository } from './offer-night.repository';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';
import { RotationsService } from './rotations.service';
import { OfferEligibilityService } from './offer-eligibility.service';
import { OverstayRepository } from './overstay.repository';
import { RemindersService } from './reminders.service';
import { StandingAllocationRepository } from './standing-allocation.repository';
import { sharingDemoSeed } from './demo-sharing';

/**
 * Off-peak sharing (错时共享): resident units' car parks, offers, bookings, standing allocations.
 * Admitted allocations become `shared` permits, whose scans follow the offers' windows.
 */
@Module({
  imports: [AssociationsModule, ConventionsModule, LiveModule, PaymentsModule, PermitsModule],
  controllers: [
    DrawsController,
    CarParksController,
    OffersController,
    BookingsController,
    HolidayCalendarController,
  ],
  providers: [
    AllocationDrawRepository,
    AllocationLedgerService,
    DrawsService,
    CarParkRepository,
    OffPeakOfferRepository,
    OfferNightRepository,
    BookingRepository,
    StandingAllocationRepository,
    OverstayRepository,
    HolidayCalendarRepository,
    sharingDemoSeed,
    AvailabilityService,
    HolidayCalendarService,
    CarParksService,
    OffersService,
    OfferEligibilityService,
    OfferLifecycleService,
    BookingsService,
    AllocationsService,
    AllocationFeesService,
    RemindersService,
    RotationsService,
    CarParkTopic,
  ],
  exports: [AvailabilityService, RemindersService, BookingsService, DrawsService],
})
export class SharingModule implements OnModuleInit {
  constructor(
    private readonly topics: LiveTopics,
    private readonly carParkTopic: CarParkTopic,
  ) {}

  onModuleInit(): void {
    this.topics.register(this.carParkTopic);
  }
}
