import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { AssignmentsService } from './assignments.service';
import { DutyPeopleRepository } from './duty-people.repository';
import { DutyRequirementRepository } from './duty-requirement.repository';
import { DutyRequirementsController } from './duty-requirements.controller';
import { DutyRequirementsService } from './duty-requirements.service';
import { DutyShiftRepository } from './duty-shift.repository';
import { DutyService } from './duty.service';
import { HandoverNoteRepository } from './handover-note.repository';
import { MemberUnavailabilityRepository } from './member-unavailability.repository';
import { MyShiftsController, ShiftFeedsController } from './my-shifts.controller';
import { RosterCalendarService } from './roster-calendar.service';
import { RosterFeedRepository } from './roster-feed.repository';
import { RosterGenerationService } from './roster-generation.service';
import { RosterGenerator } from './roster-generator';
import { RosterLedgerService } from './roster-ledger.service';
import { RosterPrintService } from './roster-print.service';
import { RosterRolloverRepository } from './roster-rollover.repository';
import { RosterRolloverService } from './roster-rollover.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import { ShiftSwapRepository } from './shift-swap.repository';
import { ShiftTemplateRepository } from './shift-template.repository';
import { ShiftAssignmentsController, ShiftsController } from './shifts.controller';
import { SwapsController } from './swaps.controller';
import { SwapsService } from './swaps.service';
import { UnavailabilityService } from './unavailability.service';
import { rostersDemoSeed } from './demo-data';

/**
 * Duty rosters (值班表). Other features ask RostersService who is on duty (isOnDuty, onDutyAt)
 * and where the coming days are short (gapsAhead); rosters' pushes leave as domain events.
 */
@Module({
  imports: [AssociationsModule, ConventionsModule],
  controllers: [
    RostersController,
    DutyRequirementsController,
    ShiftsController,
    ShiftAssignmentsController,
    SwapsController,
    MyShiftsController,
    ShiftFeedsController,
  ],
  providers: [
    ShiftTemplateRepository,
    DutyShiftRepository,
    ShiftAssignmentRepository,
    ShiftSwapRepository,
    HandoverNoteRepository,
    MemberUnavailabilityRepository,
    RosterFeedRepository,
    DutyRequirementRepository,
    RosterRolloverRepository,
    DutyPeopleRepository,
    RosterGenerator,
    rostersDemoSeed,
    RostersService,
    AssignmentsService,
    RosterGenerationService,
    RosterRolloverService,
    DutyRequirementsService,
    DutyService,
    SwapsService,
    RosterCalendarService,
    RosterLedgerService,
    RosterPrintService,
    UnavailabilityService,
  ],
  exports: [RostersService],
})
export class RostersModule {}
