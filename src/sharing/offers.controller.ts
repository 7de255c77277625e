import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { ErrorBody } from '../common/error-body';
import { pickLang } from '../shared/i18n';
import { AllocationLedgerService } from './allocation-ledger.service';
import { AllocationsService } from './allocations.service';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import { BookingsService } from './bookings.service';
import {
  AdmissionView,
  AdmitBatchDto,
  AllocationView,
  RegisterAllocationDto,
} from './dto/allocation.dto';
import { BookingView, BookNightDto } from './dto/booking.dto';
import {
  ChangeOfferDto,
  EligibilityView,
  OfferChangeView,
  OfferView,
  PublishOfferDto,
} from './dto/offer.dto';
import { OfferLifecycleService } from './offer-lifecycle.service';
import { OffersService } from './offers.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('sharing')
@ApiStandardErrors()
@Controller('api/offers')
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly lifecycle: OfferLifecycleService,
    private readonly bookings: BookingsService,
    private readonly allocations: AllocationsService,
    private readonly allocationLedger: AllocationLedgerService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Residents: offers open to them, free places per night and why they may not book; units: their own',
  })
  @ApiOkResponse({ type: [OfferView] })
  list(
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView[]> {
    return this.offers.list(actor, pickLang(language));
  }

  @Get(':id')
  @ApiOkResponse({ type: OfferView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView> {
    return this.offers.get(actor, id, pickLang(language));
  }

  @Get(':id/eligibility')
  @ApiOperation({
    summary:
      "Each condition of the offer (association, lane, a car, its licence's owner, plate colour) met or missed by the resident's household and each of its cars, with the refusal a missed one gives",
  })
  @ApiOkResponse({ type: EligibilityView })
  eligibility(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<EligibilityView> {
    return this.offers.eligibility(actor, id, pickLang(language));
  }

  @Post()
  @Idempotent()
  @Roles('unit')
  @ApiOperation({ summary: 'A unit publishes an off-peak offer; live at once' })
  @ApiCreatedResponse({ type: OfferView })
  publish(
    @CurrentActor() actor: Actor,
    @Body() body: PublishOfferDto,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView> {
    return this.offers.publish(actor, body, pickLang(language));
  }

  @Patch(':id')
  @Roles('unit')
  @ApiOperation({
    summary: 'Change a live offer; bookings that no longer fit are cancelled with notice',
  })
  @ApiOkResponse({ type: OfferChangeView })
  change(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeOfferDto,
    @Headers('accept-language') language?: string,
  ): Promise<OfferChangeView> {
    return this.lifecycle.change(actor, id, body, pickLang(language));
  }

  @Post(':id/pause')
  @Roles('unit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause new bookings (existing ones are kept)' })
  @ApiOkResponse({ type: OfferView })
  pause(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView> {
    return this.lifecycle.act(actor, id, 'pause', pickLang(language));
  }

  @Post(':id/resume')
  @Roles('unit')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferView })
  resume(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView> {
    return this.lifecycle.act(actor, id, 'resume', pickLang(language));
  }

  @Post(':id/end')
  @Roles('unit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the offer: nights not yet begun and standing places are cancelled with notice',
  })
  @ApiOkResponse({ type: OfferView })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<OfferView> {
    return this.lifecycle.act(actor, id, 'end', pickLang(language));
  }

  @Post(':id/bookings')
  @Idempotent()
  @Roles('resident')
  @ApiOperation({
    summary: 'Book a night; the system picks the place (a named space where there are)',
  })
  @ApiCreatedResponse({ type: BookingView })
  @ApiConflictResponse({ type: ErrorBody, description: 'Full, paused, not open that night' })
  book(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: BookNightDto,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView> {
    return this.bookings.book(actor, id, body, pickLang(language));
  }

  @Post(':id/allocations')
  @Idempotent()
  @Roles('resident')
  @ApiOperation({
    summary: 'Register for a standing allocation (monthly pass); you join the waiting list',
  })
  @ApiCreatedResponse({ type: AllocationView })
  register(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RegisterAllocationDto,
  ): Promise<AllocationView> {
    return this.allocations.register(actor, id, body);
  }

  @Get(':id/allocations')
  @Roles('unit', 'admin')
  @ApiOperation({ summary: 'Admitted and waiting registrations, in order' })
  @ApiOkResponse({ type: [AllocationView] })
  allocationsOf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AllocationView[]> {
    return this.allocations.list(actor, id);
  }

  @Get(':id/allocations/export.csv')
  @Roles('unit', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "The offer's standing allocations with the draws that admitted them (长期车位台账) as CSV: the list's rows; headers in the reader's language, Beijing time",
  })
  async allocationsCsv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.allocationLedger.ledger(actor, id, lang);
    return ledgerCsvDownload(ledger, lang, 'allocations-ledger.csv');
  }

  @Get(':id/allocations/export.xlsx')
  @Roles('unit', 'admin')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      "The offer's standing allocations with the draws that admitted them (长期车位台账) as a workbook: the list's rows",
  })
  async allocationsXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.allocationLedger.ledger(actor, id, lang);
    return ledgerDownload(ledger, lang, 'allocations-ledger.xlsx');
  }

  @Post(':id/allocations/admit')
  @Roles('unit', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Admit a batch in registration order, or by the published lottery (one per household if the convention says so)',
  })
  @ApiOkResponse({ type: AdmissionView })
  admit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AdmitBatchDto,
  ): Promise<AdmissionView> {
    return this.allocations.admitBatch(actor, id, body.count, body.method);
  }
}
