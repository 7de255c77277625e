import {
  Body,
  Controller,
  Get,
  HttpCode,
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
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import type { Page } from '../common/pagination';
import {
  AppealDecisionDto,
  AppealDto,
  RecordViolationDto,
  ViolationLedgerQuery,
  ViolationQuery,
  ViolationView,
} from './violation.dto';
import { ViolationLedgerService } from './violation-ledger.service';
import { ViolationsService } from './violations.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('violations')
@ApiStandardErrors()
@Controller('api/violations')
export class ViolationsController {
  constructor(
    private readonly violations: ViolationsService,
    private readonly ledger: ViolationLedgerService,
  ) {}

  @Post()
  @Idempotent()
  @Roles('warden', 'admin')
  @ApiOperation({
    summary:
      'Warden: record a violation; the penalty ladder in force decides persuasion, notice or suspension',
  })
  @ApiOkResponse({ type: ViolationView })
  record(@CurrentActor() actor: Actor, @Body() body: RecordViolationDto): Promise<ViolationView> {
    return this.violations.record(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Violations (a household sees only its own)' })
  list(@CurrentActor() actor: Actor, @Query() query: ViolationQuery): Promise<Page<ViolationView>> {
    return this.violations.list(actor, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Ledger (台账) of violations as CSV, streamed: the workbook's columns and rows; headers in the reader's language, Beijing time, formula-looking text neutralised",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ViolationLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, query, lang);
    return ledgerCsvDownload(ledger, lang, 'violations-ledger.csv');
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      "Ledger (台账) of violations as a workbook, streamed: the rows and fields the reader's list shows, with its filters; headers in the reader's language, Beijing time",
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: ViolationLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, query, lang);
    return ledgerDownload(ledger, lang, 'violations-ledger.xlsx');
  }

  @Get(':id')
  @ApiOkResponse({ type: ViolationView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ViolationView> {
    return this.violations.get(actor, id);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Roles('resident', 'admin')
  @ApiOperation({ summary: 'The household appeals to the council' })
  @ApiOkResponse({ type: ViolationView })
  appeal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AppealDto,
  ): Promise<ViolationView> {
    return this.violations.appeal(actor, id, body);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Council: decide an appeal (overturned lifts a suspension it caused)' })
  @ApiOkResponse({ type: ViolationView })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AppealDecisionDto,
  ): Promise<ViolationView> {
    return this.violations.decide(actor, id, body);
  }
}
