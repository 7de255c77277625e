import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssociationsModule } from '../associations/associations.module';
import { PermitsModule } from '../permits/permits.module';
import { RostersModule } from '../rosters/rosters.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { FlaggedOverstaysListener } from './flagged-overstays.listener';
import { ViolationLedgerService } from './violation-ledger.service';
import { Violation } from './violation.entity';
import { ViolationsController } from './violations.controller';
import { ViolationsService } from './violations.service';

/**
 * Violations, persuasion first. Its own module, above the features it reaches into: the
 * convention's rules in force, the permit lifecycle (a ladder step suspends a permit) and the
 * duty roster (whether the recording warden is on duty). Permits and rosters import
 * ConventionsModule, so violations cannot live inside it without a cycle.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Violation]),
    AssociationsModule,
    ConventionsModule,
    PermitsModule,
    RostersModule,
  ],
  controllers: [ViolationsController],
  providers: [ViolationsService, ViolationLedgerService, FlaggedOverstaysListener],
  exports: [ViolationsService, ViolationLedgerService],
})
export class ViolationsModule {}
