import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { Page } from '../common/pagination';
import {
  ApplyPermitDto,
  ApprovePermitDto,
  LedgerQuery,
  PermitQuery,
  ReasonDto,
  RecordPaymentDto,
  RenewPermitDto,
  RevocationsQuery,
  SuspendPermitDto,
} from './dto/permit.dto';
import { PermitEventView, PermitView, RevocationList } from './dto/permit.view';
import { PermitLedgerService } from './permit-ledger.service';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';
import { PermitQrService } from './permit-qr.service';
import { PermitsService } from './permits.service';
import { PlateCheckService } from './plate-check/plate-check.service';
import { toPermitView } from './views';
import { Clock } from '../common/clock';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

class PlateCheckQuery {
  @ApiProperty({ example: '京A·12345' }) @IsString() @Length(5, 20) plate!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() laneId?: string;
}

@ApiTags('permits')
@ApiStandardErrors()
@Controller('api/permits')
export class PermitsController {
  constructor(
    private readonly permits: PermitsService,
    private readonly ledger: PermitLedgerService,
    private readonly qr: PermitQrService,
    private readonly plateCheck: PlateCheckService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Permits of the association (a resident sees their household’s)' })
  list(@CurrentActor() actor: Actor, @Query() query: PermitQuery): Promise<Page<PermitView>> {
    return this.permits.list(actor, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Ledger (台账) of every transition of the permits the reader lists (a resident: their household’s), fees paid included, as CSV: headers in the reader's language, Beijing time, values in words",
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: LedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, lang, query.associationId);
    return ledgerCsvDownload(ledger, lang, 'permit-ledger.csv');
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary: "The permit ledger (台账) as a workbook: the CSV's columns, title row, Beijing time",
  })
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: LedgerQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, lang, query.associationId);
    return ledgerDownload(ledger, lang, 'permit-ledger.xlsx');
  }

  @Get('revocations')
  @ApiOkResponse({ type: RevocationList })
  @ApiOperation({
    summary:
      "Suspended or revoked permit numbers of the staff's own association since a point, with ETag (304 when unchanged)",
  })
  async revocations(
    @CurrentActor() actor: Actor,
    @Query() query: RevocationsQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const since = query.since ? new Date(query.since) : null;
    const { list, etag } = await this.ledger.revocations(actor, since, query.associationId);
    void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (ifNoneMatch === etag) return void reply.status(304).send();
    return void reply.send(list);
  }

  @Get('check')
  @Roles('resident', 'warden', 'admin')
  @ApiOkResponse({ schema: { example: { allowed: true } } })
  @ApiOperation({
    summary: 'Co-monitor: is this plate allowed here now? Yes or no only (rate-limited)',
  })
  check(
    @CurrentActor() actor: Actor,
    @Query() query: PlateCheckQuery,
  ): Promise<{ allowed: boolean }> {
    return this.plateCheck.isAllowed(actor, query.plate, query.laneId);
  }

  @Get(':id')
  @ApiOkResponse({ type: PermitView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PermitView> {
    return this.permits.get(actor, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [PermitEventView] })
  @ApiOperation({ summary: 'Every transition of the permit: who, when, why' })
  async events(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PermitEventView[]> {
    const permit = await this.permits.readable(actor, id);
    return this.ledger.eventsOf(permit.id);
  }

  @Get(':id/qr.png')
  @ApiProduces('image/png')
  @ApiOperation({
    summary: "The permit QR (signed ES256 token), PNG: the holder's household and staff",
  })
  async qrPng(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ) {
    const png = await this.qr.png(actor, id);
    void reply.type('image/png').header('Cache-Control', 'private, no-store').send(png);
  }

  @Get(':id/qr.svg')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: "The permit QR, SVG: the holder's household and staff" })
  async qrSvg(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ) {
    const svg = await this.qr.svg(actor, id);
    void reply.type('image/svg+xml').header('Cache-Control', 'private, no-store').send(svg);
  }

  @Get(':id/card')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      "Printable A6 permit card for the dashboard (HTML, Chinese): the holder's household and staff",
  })
  async card(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ) {
    const html = await this.qr.card(actor, id);
    void reply.type('text/html; charset=utf-8').send(html);
  }

  @Post()
  @Idempotent()
  @Roles('resident', 'admin')
  @ApiOkResponse({ type: PermitView })
  @ApiOperation({ summary: 'Apply for a resident permit (登记) for a vehicle' })
  apply(@CurrentActor() actor: Actor, @Body() body: ApplyPermitDto): Promise<PermitView> {
    return this.permits.apply(actor, body);
  }

  @Post(':id/approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApprovePermitDto,
  ) {
    return this.permits.approve(actor, id, body);
  }

  @Post(':id/reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ) {
    return this.permits.reject(actor, id, body.reason);
  }

  @Post(':id/payment')
  @Idempotent()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  @ApiOperation({ summary: 'Record the fee as paid (登记缴费); no payment gateway' })
  payment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordPaymentDto,
  ) {
    return this.permits.recordPayment(actor, id, body);
  }

  @Post(':id/renew')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  renew(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenewPermitDto,
  ) {
    return this.permits.renew(actor, id, new Date(body.validTo));
  }

  @Post(':id/suspend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  @ApiOperation({ summary: 'Suspend until a time; the suspension ends by itself then' })
  async suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SuspendPermitDto,
  ) {
    const permit = await this.permits.suspend(id, new Date(body.until), body.reason, actor);
    return toPermitView(permit, actor, this.clock.now());
  }

  @Post(':id/reinstate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  reinstate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ) {
    return this.permits.reinstate(actor, id, body.reason);
  }

  @Post(':id/revoke')
  @Roles('admin', 'resident')
  @HttpCode(200)
  @ApiOkResponse({ type: PermitView })
  @ApiOperation({ summary: 'Revoke (the council), or withdraw a visitor pass (its household)' })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ) {
    const permit = await this.permits.revoke(actor, id, body.reason);
    return toPermitView(permit, actor, this.clock.now());
  }
}
