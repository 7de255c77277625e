import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { LiveModule } from '../live/live.module';
import { LiveTopics } from '../live/live-topics';
import { PermitsModule } from '../permits/permits.module';
import { SharedWindows } from '../permits/scans/shared-windows';
import { AllocationsService } from './allocations.service';
import { AvailabilityService } from './availability.service';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { CarPark } from './car-park.entity';
import { CarParkTopic } from './car-park-topic';
import { CarParksController } from './car-parks.controller';
import { CarParksService } from './car-parks.service';
import { HolidayCalendarDay } from './holiday-calendar-day.entity';
import { HolidayCalendarController } from './holiday-calendar.controller';
import { HolidayCalendarService } from './holiday-calendar.service';
import { OffPeakOffer } from './off-peak-offer.entity';
import { OfferLifecycleService } from './offer-lifecycle.service';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';
import { RemindersService } from './reminders.service';
import { sharingDemoSeed } from './demo-sharing';

/**
 * Off-peak sharing (错时共享): resident units' car parks, offers, bookings, standing allocations.
 * Admitted allocations become `shared` permits, whose scans follow the offers' windows.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CarPark, OffPeakOffer, HolidayCalendarDay]),
    AssociationsModule,
    ConventionsModule,
    LiveModule,
    PermitsModule,
  ],
  controllers: [
    CarParksController,
    OffersController,
    BookingsController,
    HolidayCalendarController,
  ],
  providers: [
    sharingDemoSeed,
    AvailabilityService,
    HolidayCalendarService,
    CarParksService,
    OffersService,
    OfferLifecycleService,
    BookingsService,
    AllocationsService,
    RemindersService,
    CarParkTopic,
  ],
  exports: [AvailabilityService, RemindersService],
})
export class SharingModule implements OnModuleInit {
  constructor(
    private readonly topics: LiveTopics,
    private readonly carParkTopic: CarParkTopic,
    private readonly sharedWindows: SharedWindows,
    private readonly availability: AvailabilityService,
  ) {}

  onModuleInit(): void {
    this.topics.register(this.carParkTopic);
    // A warden's scan of a `shared` permit asks whether the car park's offer is open now.
    this.sharedWindows.provide(({ carParkId }, at) => this.availability.openAt(carParkId, at));
  }
}
