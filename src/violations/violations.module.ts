import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { PermitsModule } from '../permits/permits.module';
import { RostersModule } from '../rosters/rosters.module';
import { violationsDemoSeed } from './demo-violations';
import { FlaggedOverstaysListener } from './flagged-overstays.listener';
import { ViolationLedgerService } from './violation-ledger.service';
import { ViolationRepository } from './violation.repository';
import { ViolationsController } from './violations.controller';
import { ViolationsService } from './violations.service';
import { PersuasionRepository } from './persuasions/persuasion.repository';
import { PersuasionsController } from './persuasions/persuasions.controller';
import { PersuasionsService } from './persuasions/persuasions.service';

/**
 * Violations, persuasion first. A feature of its own, above the ones it calls: the convention's
 * rules in force, the permit lifecycle (a ladder step suspends a permit, in the same transaction)
 * and the duty roster (whether the recording warden is on duty). Permits and rosters import
 * ConventionsModule, so violations cannot live inside it without a cycle.
 */
@Module({
  imports: [AssociationsModule, ConventionsModule, PermitsModule, RostersModule],
  controllers: [ViolationsController, PersuasionsController],
  providers: [
    ViolationRepository,
    ViolationsService,
    ViolationLedgerService,
    FlaggedOverstaysListener,
    violationsDemoSeed,
    PersuasionRepository,
    PersuasionsService,
  ],
  exports: [ViolationsService, ViolationLedgerService, PersuasionsService],
})
export class ViolationsModule {}
