import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import { DomainError } from '../common/domain-error';
import { langOf } from '../common/error.filter';
import { parseBooleanQuery } from '../common/query';
import type { Page } from '../common/pagination';
import { CreateHouseholdDto, HouseholdQuery, UpdateHouseholdDto } from './dto/household.dto';
import { HouseholdDetailView, HouseholdView } from './dto/household.view';
import { HouseholdLedgerService, type ImportReport } from './household-ledger.service';
import { HouseholdsService } from './households.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

class ImportQuery {
  @ApiPropertyOptional({ description: 'Check the file and report, changing nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBooleanQuery(value))
  @IsBoolean()
  dryRun?: boolean;
}

class ExportQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

@ApiTags('households')
@ApiStandardErrors()
@Controller('api/households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly ledger: HouseholdLedgerService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Households (a resident sees only their own)' })
  list(@CurrentActor() actor: Actor, @Query() query: HouseholdQuery): Promise<Page<HouseholdView>> {
    return this.households.list(actor, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Ledger (台账) of households, members and vehicles as CSV: the columns of the workbook, headers in the reader's language, formula-looking text neutralised",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, lang, query.associationId);
    return ledgerCsvDownload(ledger, lang, 'households-ledger.csv');
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      'Ledger (台账) of households, members and vehicles as a workbook: zh headers, values in words; the listed households (a resident’s own), phones and plates masked as its pages mask them',
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, lang, query.associationId);
    return ledgerDownload(ledger, lang, 'households-ledger.xlsx');
  }

  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'address,name,phone,role,partyMember,volunteer,plate,plateColor\n下岗胡同19号,王秀兰,13800000031,resident,true,false,京A12345,blue',
    },
  })
  @ApiOperation({
    summary:
      'Import households, members and vehicles from CSV; each rejected row is reported with its reason and a message in the language asked for',
  })
  importCsv(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Query() query: ImportQuery,
    @Req() request: { headers: Record<string, string | string[] | undefined> },
  ): Promise<ImportReport> {
    if (typeof body !== 'string') throw new DomainError('ledger.not_csv');
    return this.ledger.importCsv(actor, body, query.dryRun ?? false, langOf(request));
  }

  @Get(':id')
  @ApiOkResponse({ type: HouseholdDetailView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HouseholdDetailView> {
    return this.households.get(actor, id);
  }

  @Post()
  @Idempotent()
  @Roles('admin')
  @ApiOkResponse({ type: HouseholdDetailView })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateHouseholdDto,
  ): Promise<HouseholdDetailView> {
    return this.households.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: HouseholdDetailView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateHouseholdDto,
  ): Promise<HouseholdDetailView> {
    return this.households.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.households.remove(actor, id);
  }
}
