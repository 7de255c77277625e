import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ScanLedgerService } from './scan-ledger.service';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { Page } from '../common/pagination';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import type { HolderScanView } from './scan.dto';
import { ScanDto, ScanLedgerQuery, ScanListQuery, ScanQuery, ScanView } from './scan.dto';
import { ScansService } from './scans.service';

@ApiTags('scans')
@ApiStandardErrors()
@Controller('api/scans')
export class ScansController {
  constructor(
    private readonly scans: ScansService,
    private readonly ledger: ScanLedgerService,
  ) {}

  @Post()
  @Roles('warden', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ScanView })
  @ApiOperation({
    summary:
      'Judge a scanned QR, typed permit number or typed plate; recorded once per idempotency key',
  })
  scan(
    @CurrentActor() actor: Actor,
    @Body() body: ScanDto,
    @ReaderLang() lang: Lang,
  ): Promise<ScanView> {
    return this.scans.scan(actor, body, lang);
  }

  @Get('mine')
  @Roles('resident')
  @ApiOperation({
    summary: "Scans of my household's permits: when, where, the verdict (who scanned is not shown)",
  })
  mine(
    @CurrentActor() actor: Actor,
    @Query() query: ScanQuery,
    @ReaderLang() lang: Lang,
  ): Promise<Page<HolderScanView>> {
    return this.scans.ofMyPermits(actor, query, lang);
  }

  @Get()
  @Roles('warden', 'admin')
  @ApiOperation({ summary: 'Recent scans of the association' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ScanListQuery,
    @ReaderLang() lang: Lang,
  ): Promise<Page<ScanView>> {
    return this.scans.list(actor, query, lang);
  }

  @Get('export.csv')
  @Roles('warden', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "扫码台账 as CSV, streamed: the list of scans (council and wardens) with its period; headers in the reader's language, Beijing time, verdicts in words",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ScanLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerCsvDownload(
      await this.ledger.ledger(actor, query, lang),
      lang,
      'scans-ledger.csv',
    );
  }

  @Get('export.xlsx')
  @Roles('warden', 'admin')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      '扫码台账 as a workbook, streamed: the list of scans (council and wardens) with its period',
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: ScanLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerDownload(await this.ledger.ledger(actor, query, lang), lang, 'scans-ledger.xlsx');
  }
}
