import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { OptionalPeriodQuery, UnavailabilityDto } from './dto/roster.dto';
import { MyShiftView } from './dto/roster.view';
import { RosterCalendarService } from './roster-calendar.service';
import { UnavailabilityService, type UnavailabilityView } from './unavailability.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/me')
export class MyShiftsController {
  constructor(
    private readonly calendar: RosterCalendarService,
    private readonly unavailability: UnavailabilityService,
  ) {}

  @Get('shifts')
  @ApiOperation({ summary: 'My shifts (default: from yesterday for a month)' })
  @ApiOkResponse({ type: [MyShiftView] })
  shifts(
    @CurrentActor() actor: Actor,
    @Query() query: OptionalPeriodQuery,
  ): Promise<MyShiftView[]> {
    return this.calendar.myShifts(actor, query);
  }

  @Get('shifts.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="my-shifts.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'My shifts as iCalendar' })
  ics(@CurrentActor() actor: Actor): Promise<string> {
    return this.calendar.myCalendar(actor);
  }

  @Post('shifts/feed')
  @ApiOperation({
    summary: 'A secret calendar address for phone calendars (no login); replaces any earlier one',
  })
  feed(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ url: string; path: string }> {
    return this.calendar.createFeed(actor, `${request.protocol}://${request.host}`);
  }

  @Get('unavailability')
  @ApiOperation({ summary: 'Times I declared I cannot be on duty' })
  unavailable(@CurrentActor() actor: Actor): Promise<UnavailabilityView[]> {
    return this.unavailability.mine(actor);
  }

  @Post('unavailability')
  @Idempotent()
  declare(
    @CurrentActor() actor: Actor,
    @Body() body: UnavailabilityDto,
  ): Promise<UnavailabilityView> {
    return this.unavailability.declare(actor, body);
  }

  @Delete('unavailability/:id')
  @HttpCode(204)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.unavailability.withdraw(actor, id);
  }
}

@ApiTags('rosters')
@Controller('api/shift-feeds')
export class ShiftFeedsController {
  constructor(private readonly calendar: RosterCalendarService) {}

  @Get(':file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: "A member's shifts by their secret feed address (<token>.ics)" })
  feed(@Param('file') file: string): Promise<string> {
    return this.calendar.feed(file);
  }
}
