import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { pickLang } from '../shared/i18n';
import { AvailabilityService, type CarParkAvailability } from './availability.service';
import { BOOKING_LEDGER_COLUMNS, CarParksService } from './car-parks.service';
import { BookingView, LedgerQuery, NightQuery } from './dto/booking.dto';
import { CarParkView, CreateCarParkDto } from './dto/car-park.dto';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('sharing')
@ApiStandardErrors()
@Controller('api/car-parks')
export class CarParksController {
  constructor(
    private readonly carParks: CarParksService,
    private readonly availability: AvailabilityService,
  ) {}

  @Post()
  @Idempotent()
  @Roles('unit')
  @ApiOperation({ summary: 'A resident unit registers a car park it lends off-peak' })
  @ApiOkResponse({ type: CarParkView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCarParkDto): Promise<CarParkView> {
    return this.carParks.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Car parks: a unit its own, a resident those open to them' })
  @ApiOkResponse({ type: [CarParkView] })
  list(@CurrentActor() actor: Actor): Promise<CarParkView[]> {
    return this.carParks.list(actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: CarParkView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CarParkView> {
    return this.carParks.get(actor, id);
  }

  @Get(':id/availability')
  @ApiOperation({
    summary: 'Free places per window of every open offer (what the live feed pushes)',
  })
  async availabilityOf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CarParkAvailability> {
    await this.carParks.readable(actor, id);
    return this.availability.carPark(id);
  }

  @Get(':id/bookings')
  @Roles('unit', 'admin', 'warden')
  @ApiOperation({
    summary: "A night's bookings (default tonight); plates for the unit's own staff",
  })
  @ApiOkResponse({ type: [BookingView] })
  bookings(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: NightQuery,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView[]> {
    return this.carParks.bookings(actor, id, query.night, pickLang(language));
  }

  @Get(':id/bookings.csv')
  @Roles('unit', 'admin', 'warden')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="car-park-bookings.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: `Booking ledger (台账); columns: ${BOOKING_LEDGER_COLUMNS.join(', ')}` })
  ledger(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LedgerQuery,
  ): Promise<string> {
    return this.carParks.ledgerCsv(actor, id, query.from, query.to);
  }
}
