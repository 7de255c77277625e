import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { AssignmentsService } from './assignments.service';
import { AssignMemberDto, HandoverNoteDto, SignOutDto, SwapOfferDto } from './dto/roster.dto';
import { AssignmentView, HandoverNoteView, ShiftView, SignInView } from './dto/roster.view';
import { SwapView } from './dto/swap.view';
import { DutyService } from './duty.service';
import { SwapsService } from './swaps.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

/** Members who can be on a shift: wardens, the council, and resident volunteers. */
const ON_DUTY_ROLES = ['admin', 'warden', 'resident'] as const;

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/shifts')
export class ShiftsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly duty: DutyService,
  ) {}

  @Post(':id/assignments')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Put a member on a shift (409 if they are on an overlapping one)' })
  @ApiOkResponse({ type: ShiftView })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignMemberDto,
  ): Promise<ShiftView> {
    return this.assignments.assign(actor, id, body.memberId);
  }

  @Post(':id/sign-in')
  @HttpCode(200)
  @Roles(...ON_DUTY_ROLES)
  @ApiOperation({ summary: 'Sign in (late is marked); returns the handover notes to read' })
  @ApiOkResponse({ type: SignInView })
  signIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SignInView> {
    return this.duty.signIn(actor, id);
  }

  @Post(':id/sign-out')
  @HttpCode(200)
  @Roles(...ON_DUTY_ROLES)
  @ApiOperation({ summary: 'Sign out, optionally leaving a handover note for the next shift' })
  @ApiOkResponse({ type: AssignmentView })
  signOut(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignOutDto,
  ): Promise<AssignmentView> {
    return this.duty.signOut(actor, id, body.handoverNote);
  }

  @Get(':id/handover-notes')
  @Roles(...ON_DUTY_ROLES)
  @ApiOperation({ summary: 'Handover notes (交接班) for whoever takes this shift' })
  @ApiOkResponse({ type: [HandoverNoteView] })
  notes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HandoverNoteView[]> {
    return this.duty.notesForShift(actor, id);
  }

  @Post(':id/handover-notes')
  @Idempotent()
  @Roles(...ON_DUTY_ROLES)
  @ApiOkResponse({ type: HandoverNoteView })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HandoverNoteDto,
  ): Promise<HandoverNoteView> {
    return this.duty.addNote(actor, id, body.body);
  }
}

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/shift-assignments')
export class ShiftAssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly swaps: SwapsService,
  ) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Reassign a shift to another member' })
  @ApiOkResponse({ type: ShiftView })
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignMemberDto,
  ): Promise<ShiftView> {
    return this.assignments.reassign(actor, id, body.memberId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ON_DUTY_ROLES)
  @ApiOperation({
    summary: "Drop a shift (your own, or anyone's for the council); a gap is pushed live",
  })
  @ApiNoContentResponse()
  drop(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.assignments.drop(actor, id);
  }

  @Post(':id/swap-offers')
  @Idempotent()
  @Roles(...ON_DUTY_ROLES)
  @ApiOperation({ summary: 'Offer your shift for a swap (换班)' })
  @ApiOkResponse({ type: SwapView })
  offer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SwapOfferDto,
  ): Promise<SwapView> {
    return this.swaps.offer(actor, id, body.note);
  }
}
