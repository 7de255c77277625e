import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConventionsModule } from '../conventions/conventions.module';
import { AssignmentsService } from './assignments.service';
import { DutyShift } from './duty-shift.entity';
import { DutyService } from './duty.service';
import { HandoverNote } from './handover-note.entity';
import { MemberUnavailability } from './member-unavailability.entity';
import { MyShiftsController, ShiftFeedsController } from './my-shifts.controller';
import { RosterCalendarService } from './roster-calendar.service';
import { RosterGenerationService } from './roster-generation.service';
import { RosterLedgerService } from './roster-ledger.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';
import { ShiftAssignment } from './shift-assignment.entity';
import { ShiftSwap } from './shift-swap.entity';
import { ShiftTemplate } from './shift-template.entity';
import { ShiftAssignmentsController, ShiftsController } from './shifts.controller';
import { SwapsController } from './swaps.controller';
import { SwapsService } from './swaps.service';
import { UnavailabilityService } from './unavailability.service';
import { rostersDemoSeed } from './demo-data';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ShiftTemplate,
      DutyShift,
      ShiftAssignment,
      ShiftSwap,
      HandoverNote,
      MemberUnavailability,
    ]),
    ConventionsModule,
  ],
  controllers: [
    RostersController,
    ShiftsController,
    ShiftAssignmentsController,
    SwapsController,
    MyShiftsController,
    ShiftFeedsController,
  ],
  providers: [
    rostersDemoSeed,
    RostersService,
    AssignmentsService,
    RosterGenerationService,
    DutyService,
    SwapsService,
    RosterCalendarService,
    RosterLedgerService,
    UnavailabilityService,
  ],
  exports: [RostersService],
})
export class RostersModule {}
