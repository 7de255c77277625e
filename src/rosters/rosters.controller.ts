import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import {
  AssociationScopeQuery,
  CreateDutyShiftDto,
  CreateShiftTemplateDto,
  GenerateRosterDto,
  RosterMonthQuery,
  RosterPeriodQuery,
} from './dto/roster.dto';
import {
  CoverageView,
  GenerationReportView,
  OnDutyView,
  ShiftTemplateView,
  ShiftView,
} from './dto/roster.view';
import { RosterGenerationService } from './roster-generation.service';
import { RosterLedgerService } from './roster-ledger.service';
import { RosterPrintService } from './roster-print.service';
import { RostersService } from './rosters.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/rosters')
export class RostersController {
  constructor(
    private readonly rosters: RostersService,
    private readonly generation: RosterGenerationService,
    private readonly ledger: RosterLedgerService,
    private readonly print: RosterPrintService,
  ) {}

  @Get('templates')
  @Roles('admin', 'warden', 'viewer')
  @ApiOkResponse({ type: [ShiftTemplateView] })
  templates(
    @CurrentActor() actor: Actor,
    @Query() query: AssociationScopeQuery,
  ): Promise<ShiftTemplateView[]> {
    return this.rosters.listTemplates(actor, query.associationId);
  }

  @Post('templates')
  @Idempotent()
  @Roles('admin')
  @ApiOkResponse({ type: ShiftTemplateView })
  createTemplate(
    @CurrentActor() actor: Actor,
    @Body() body: CreateShiftTemplateDto,
  ): Promise<ShiftTemplateView> {
    return this.rosters.createTemplate(actor, body);
  }

  @Post('generate')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Generate the roster for a period from the templates; reports hours per person and the spread',
  })
  @ApiOkResponse({ type: GenerationReportView })
  generate(
    @CurrentActor() actor: Actor,
    @Body() body: GenerateRosterDto,
  ): Promise<GenerationReportView> {
    return this.generation.generate(actor, body);
  }

  @Get('shifts')
  @Roles('admin', 'warden', 'viewer')
  @ApiOperation({ summary: 'Shifts overlapping a period, with the people on them' })
  @ApiOkResponse({ type: [ShiftView] })
  shifts(@CurrentActor() actor: Actor, @Query() query: RosterPeriodQuery): Promise<ShiftView[]> {
    return this.rosters.listShifts(actor, query);
  }

  @Post('shifts')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a one-off shift by hand' })
  @ApiOkResponse({ type: ShiftView })
  createShift(@CurrentActor() actor: Actor, @Body() body: CreateDutyShiftDto): Promise<ShiftView> {
    return this.rosters.createShift(actor, body);
  }

  @Get('coverage')
  @Roles('admin', 'warden', 'viewer')
  @ApiOperation({
    summary: 'Every interval where fewer people are scheduled than required, to the minute',
  })
  @ApiOkResponse({ type: CoverageView })
  coverage(@CurrentActor() actor: Actor, @Query() query: RosterPeriodQuery): Promise<CoverageView> {
    return this.rosters.coverage(actor, query);
  }

  @Get('on-duty')
  @ApiOperation({ summary: 'Who is signed in on a shift right now' })
  @ApiOkResponse({ type: [OnDutyView] })
  onDuty(
    @CurrentActor() actor: Actor,
    @Query() query: AssociationScopeQuery,
  ): Promise<OnDutyView[]> {
    return this.rosters.onDutyNow(actor, query.associationId);
  }

  @Get('roster.csv')
  @Roles('admin', 'warden', 'viewer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "The roster (值班表) with sign-ins, as CSV: headers in the reader's language, Beijing time",
  })
  async rosterCsv(
    @CurrentActor() actor: Actor,
    @Query() query: RosterPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerCsvDownload(await this.ledger.roster(actor, query, lang), lang, 'duty-roster.csv');
  }

  @Get('roster.xlsx')
  @Roles('admin', 'warden', 'viewer')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: "The roster (值班表) with sign-ins, as a workbook (the CSV's columns)" })
  async rosterXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: RosterPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerDownload(await this.ledger.roster(actor, query, lang), lang, 'duty-roster.xlsx');
  }

  @Get('hours.csv')
  @Roles('admin', 'warden', 'viewer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Hours ledger per person: scheduled, signed in, late, missed, as CSV: headers in the reader's language, Beijing time",
  })
  async hoursCsv(
    @CurrentActor() actor: Actor,
    @Query() query: RosterPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerCsvDownload(await this.ledger.hours(actor, query, lang), lang, 'duty-hours.csv');
  }

  @Get('hours.xlsx')
  @Roles('admin', 'warden', 'viewer')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      "Hours ledger per person: scheduled, signed in, late, missed, as a workbook (the CSV's columns)",
  })
  async hoursXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: RosterPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerDownload(await this.ledger.hours(actor, query, lang), lang, 'duty-hours.xlsx');
  }

  @Get('roster.pdf')
  @Roles('admin', 'warden', 'viewer')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "A month's roster (值班表) as a printable A4 PDF, in Chinese, times in Beijing",
    description:
      "Day by day: each shift, its time, the people on it (names only), then each person's shifts and hours. The council and wardens of the association; a street-office viewer granted it.",
  })
  async rosterPdf(
    @CurrentActor() actor: Actor,
    @Query() query: RosterMonthQuery,
  ): Promise<StreamableFile> {
    const pdf = await this.print.monthPdf(actor, query);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="duty-roster-${query.month}.pdf"`,
      length: pdf.length,
    });
  }
}
