import { Module, type OnModuleInit } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { LiveModule } from '../live/live.module';
import { LiveTopics } from '../live/live-topics';
import { RostersModule } from '../rosters/rosters.module';
import { AvailabilityService } from './availability.service';
import { ConsentService } from './consent.service';
import { LaneMapService } from './lane-map.service';
import { LaneSegmentRepository } from './lane-segment.repository';
import { LaneTopic } from './lane-topic';
import { LayoutController } from './layout.controller';
import { StickersController } from './stickers.controller';
import { LayoutService } from './layout.service';
import { ObjectionRepository } from './objection.repository';
import { OccupancyRepository } from './occupancy.repository';
import { SessionPartitionRepository } from './session-partitions.repository';
import { OccupancyService } from './occupancy.service';
import { SessionLedgerService } from './session-ledger.service';
import { SpaceRepository } from './space.repository';
import { SpaceStatisticsService } from './space-statistics.service';
import { SpacesController } from './spaces.controller';
import { StickersService } from './stickers.service';
import { RestrictionRemindersService } from './restriction-reminders.service';
import { spacesDemoSeed } from './demo-spaces';
import { landmarksDemoSeed } from './landmarks/demo-landmarks';
import { LandmarkRepository } from './landmarks/landmark.repository';
import { LandmarksController } from './landmarks/landmarks.controller';
import { LandmarksService } from './landmarks/landmarks.service';

@Module({
  // RostersModule: check-ins record whether their warden was on duty. Rosters imports none of us.
  imports: [AssociationsModule, ConventionsModule, LiveModule, RostersModule],
  controllers: [SpacesController, LayoutController, StickersController, LandmarksController],
  providers: [
    SpaceRepository,
    OccupancyRepository,
    SessionPartitionRepository,
    ObjectionRepository,
    LaneSegmentRepository,
    spacesDemoSeed,
    LandmarkRepository,
    LandmarksService,
    landmarksDemoSeed,
    LaneMapService,
    AvailabilityService,
    OccupancyService,
    LayoutService,
    ConsentService,
    StickersService,
    SessionLedgerService,
    LaneTopic,
    SpaceStatisticsService,
    RestrictionRemindersService,
  ],
  exports: [OccupancyService, SpaceStatisticsService],
})
export class SpacesModule implements OnModuleInit {
  constructor(
    private readonly topics: LiveTopics,
    private readonly laneTopic: LaneTopic,
  ) {}

  onModuleInit(): void {
    this.topics.register(this.laneTopic);
  }
}
