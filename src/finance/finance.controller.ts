import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { type Page, ScopedPageQuery } from '../common/pagination';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import { FinanceLedgerService } from './finance-ledger.service';
import { FinanceEntryView, RecordFinanceEntryDto } from './dto/finance.dto';
import { FinanceService } from './finance.service';

class FinanceQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

@ApiTags('finance')
@ApiStandardErrors()
@Controller('api/finance/entries')
export class FinanceController {
  constructor(
    private readonly finance: FinanceService,
    private readonly ledger: FinanceLedgerService,
  ) {}

  @Post()
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Record income or spending with its receipt (登记)' })
  @ApiCreatedResponse({ type: FinanceEntryView })
  record(
    @CurrentActor() actor: Actor,
    @Body() body: RecordFinanceEntryDto,
  ): Promise<FinanceEntryView> {
    return this.finance.record(actor, body);
  }

  @Get()
  @Roles('admin', 'viewer')
  @ApiOperation({
    summary:
      "The association's recorded income and spending, newest first, a page at a time: the export's lines in its order",
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ScopedPageQuery,
  ): Promise<Page<FinanceEntryView>> {
    return this.finance.list(actor, query);
  }

  @Get('export.csv')
  @Roles('admin', 'viewer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "收支台账 as CSV, streamed: the list's lines in its order; headers in the reader's language, kinds in words",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: FinanceQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, query.associationId, lang);
    return ledgerCsvDownload(ledger, lang, 'finance-ledger.csv');
  }

  @Get('export.xlsx')
  @Roles('admin', 'viewer')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      "收支台账 as a workbook, streamed: the list's lines in its order; headers in the reader's language, dates as date cells",
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: FinanceQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, query.associationId, lang);
    return ledgerDownload(ledger, lang, 'finance-ledger.xlsx');
  }
}
