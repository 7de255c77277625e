import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { type Lang, pickLang } from '../shared/i18n';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import { AvailabilityService, type CarParkAvailability } from './availability.service';
import { CarParksService } from './car-parks.service';
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
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Booking ledger (台账) as CSV: the rows and plates the reader's list shows; headers in the reader's language, Beijing time",
  })
  async ledgerCsv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.carParks.ledger(actor, id, lang, query.from, query.to);
    return ledgerCsvDownload(ledger, lang, 'car-park-bookings.csv');
  }

  @Get(':id/bookings.xlsx')
  @Roles('unit', 'admin', 'warden')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: "Booking ledger (台账) as a workbook: the CSV's columns" })
  async ledgerXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.carParks.ledger(actor, id, lang, query.from, query.to);
    return ledgerDownload(ledger, lang, 'car-park-bookings.xlsx');
  }
}
