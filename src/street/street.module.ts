import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { RostersModule } from '../rosters/rosters.module';
import { SharingModule } from '../sharing/sharing.module';
import { SpacesModule } from '../spaces/spaces.module';
import { ViolationsModule } from '../violations/violations.module';
import { StreetOverviewService } from './street-overview.service';
import { StreetController } from './street.controller';
import { streetDemoSeed } from './demo-street';

/**
 * The street office (街道): the top of the graph with the public board. It reads figures from
 * the features below and owns no table; onboarding lives with the associations it creates.
 */
@Module({
  imports: [AssociationsModule, SpacesModule, RostersModule, ViolationsModule, SharingModule],
  controllers: [StreetController],
  providers: [StreetOverviewService, streetDemoSeed],
})
export class StreetModule {}
