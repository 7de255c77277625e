import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { CalendarDayView, ReplaceCalendarYearDto } from './dto/holiday.dto';
import { HolidayCalendarService } from './holiday-calendar.service';

@ApiTags('sharing')
@ApiStandardErrors()
@Controller('api/holiday-calendar')
export class HolidayCalendarController {
  constructor(private readonly calendar: HolidayCalendarService) {}

  @Get(':year')
  @ApiOperation({ summary: "A year's official days off and make-up working days (调休)" })
  @ApiOkResponse({ type: [CalendarDayView] })
  year(@Param('year', ParseIntPipe) year: number): Promise<CalendarDayView[]> {
    return this.calendar.year(year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary: "The council replaces a year's calendar when the State Council publishes it",
  })
  @ApiOkResponse({ type: [CalendarDayView] })
  replace(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: ReplaceCalendarYearDto,
  ): Promise<CalendarDayView[]> {
    return this.calendar.replaceYear(actor, year, body.days);
  }
}
