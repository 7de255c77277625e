import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import { PaymentLedgerQuery, PaymentQuery, PaymentView } from './dto/payment.dto';
import { PaymentLedgerService } from './payment-ledger.service';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@ApiStandardErrors()
@Controller('api/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly ledger: PaymentLedgerService,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [PaymentView], description: '{ items, total, page, pageSize }' })
  @ApiOperation({
    summary: 'The payment ledger (收费台账): fees recorded on permits and standing allocations',
  })
  list(@CurrentActor() actor: Actor, @Query() query: PaymentQuery) {
    return this.payments.ledger(actor, query);
  }

  @Get('export.csv')
  @Roles('admin')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "The payment ledger (收费台账) as CSV, streamed: the list's rows and filters; headers in the reader's language, Beijing time, methods in words",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: PaymentLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerCsvDownload(
      await this.ledger.ledger(actor, query, lang),
      lang,
      'payments-ledger.csv',
    );
  }

  @Get('export.xlsx')
  @Roles('admin')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      "The payment ledger (收费台账) as a workbook, streamed: the list's rows and filters; headers in the reader's language, Beijing time",
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: PaymentLedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    return ledgerDownload(
      await this.ledger.ledger(actor, query, lang),
      lang,
      'payments-ledger.xlsx',
    );
  }
}
