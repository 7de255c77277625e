import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ScansModule } from '../scans/scans.module';
import { SpacesModule } from '../spaces/spaces.module';
import { RetentionJob } from './retention.job';

/** The scheduled removal of what may no longer be kept; it owns no table (AuthModule is global). */
@Module({
  imports: [AssociationsModule, ScansModule, SpacesModule],
  providers: [RetentionJob],
  exports: [RetentionJob],
})
export class RetentionModule {}
