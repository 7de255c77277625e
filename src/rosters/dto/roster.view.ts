import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Attendance } from '../attendance';
import type { CoverageGapPayload, OnDutyPayload } from '../../shared/live/rosters';
import type { ShiftKind } from '../generation';
import type {
  AssignmentResponse,
  GenerationReport,
  HandoverNoteResponse,
  MemberHours,
  MyShiftResponse,
  ShiftResponse,
} from '../../shared/api/rosters';

export class AssignmentView implements AssignmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() shiftId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ example: '李长顺' }) memberName!: string;
  @ApiProperty({ enum: ['upcoming', 'absent', 'on_duty', 'done', 'missed'] })
  attendance!: Attendance;
  @ApiProperty() late!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) signedInAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) signedOutAt!: string | null;
}

export class ShiftView implements ShiftResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '夜班' }) name!: string;
  @ApiProperty({ enum: ['warden', 'volunteer'] }) kind!: ShiftKind;
  @ApiProperty({ example: '2025-11-01T16:00:00.000Z' }) from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'People this shift needs on duty' }) required!: number;
  @ApiProperty({ type: [String] }) laneIds!: string[];
  @ApiProperty({ type: [AssignmentView] }) assignments!: AssignmentView[];
}

export class CoverageGapView implements CoverageGapPayload {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() scheduled!: number;
  @ApiProperty() required!: number;
  @ApiProperty({ enum: ['warden', 'volunteer'], description: 'Which line of duty is short' })
  kind!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The duty requirement that is not met (null when only a shift asks for more)',
  })
  requirementId!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The convention article the requirement rests on (第N条)',
  })
  article!: number | null;
}

export class CoverageView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [CoverageGapView] }) gaps!: CoverageGapView[];
}

export class MemberHoursView implements MemberHours {
  @ApiProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['warden', 'volunteer'] }) kind!: ShiftKind;
  @ApiProperty() hours!: number;
}

export class HoursSpreadView {
  @ApiProperty({ description: 'max − min hours among the wardens' }) warden!: number;
  @ApiProperty({ description: 'max − min hours among the volunteers' }) volunteer!: number;
}

export class GenerationReportView implements GenerationReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() shifts!: number;
  @ApiProperty() assignments!: number;
  @ApiProperty({ description: 'Seats nobody was free for; they show as gaps' })
  unfilledSeats!: number;
  @ApiProperty({ type: [MemberHoursView] }) hours!: MemberHoursView[];
  @ApiProperty({ type: HoursSpreadView }) spread!: HoursSpreadView;
  @ApiProperty({ type: [CoverageGapView] }) gaps!: CoverageGapView[];
}

export class ShiftTemplateView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '晚班' }) name!: string;
  @ApiProperty({ enum: ['warden', 'volunteer'] }) kind!: ShiftKind;
  @ApiProperty({ example: '16:00' }) start!: string;
  @ApiProperty({ example: 480 }) durationMinutes!: number;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5, 6, 7] }) weekdays!: number[];
  @ApiProperty() minOnDuty!: number;
  @ApiProperty({ type: [String] }) laneIds!: string[];
  @ApiProperty() active!: boolean;
}

export class HandoverNoteView implements HandoverNoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() shiftId!: string;
  @ApiProperty() shiftName!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ example: '7号门口京A·***45停了一夜, 明早需挪车' }) body!: string;
  @ApiProperty() createdAt!: string;
}

export class OnDutyView implements OnDutyPayload {
  @ApiProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['warden', 'volunteer'] }) kind!: ShiftKind;
  @ApiProperty() shiftId!: string;
  @ApiProperty() shiftName!: string;
  @ApiProperty() since!: string;
  @ApiProperty() until!: string;
}

export class SignInView {
  @ApiProperty({ type: AssignmentView }) assignment!: AssignmentView;
  @ApiProperty({ type: [HandoverNoteView], description: 'Notes left for the incoming shift' })
  handoverNotes!: HandoverNoteView[];
}

export class MyShiftView extends ShiftView implements MyShiftResponse {
  @ApiProperty({ description: "The caller's own place on this shift" }) mine!: AssignmentView;
}

export class DutyRequirementView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '红袖标全天值守' }) name!: string;
  @ApiProperty({ enum: ['warden', 'volunteer'] }) kind!: ShiftKind;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5, 6, 7] }) weekdays!: number[];
  @ApiProperty({ example: '00:00' }) from!: string;
  @ApiProperty({ example: '24:00' }) to!: string;
  @ApiProperty({ example: 1 }) people!: number;
  @ApiProperty({ example: 5, description: 'The convention article it rests on' }) article!: number;
}
