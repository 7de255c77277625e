import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { LaneSegmentRule } from './clear-passage';
import { ConsentService } from './consent.service';
import {
  ConsentCaseView,
  ConsentNoticeView,
  DecideObjectionDto,
  MyObjectionView,
  ObjectionView,
  RaiseObjectionDto,
  UndecidedObjections,
} from './dto/consent.dto';
import {
  CreateRestrictionDto,
  CreateSpaceDto,
  LaneSegmentDto,
  LaneSegmentsDto,
  UpdateSpaceDto,
} from './dto/layout.dto';
import { SpaceView } from './dto/space.view';
import { LayoutService } from './layout.service';
import { SessionLedgerService } from './session-ledger.service';
import { SessionListQuery, SessionPeriodQuery, SessionView } from './dto/session-ledger.dto';
import type { Page } from '../common/pagination';
import { StickersService } from './stickers.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ledgerCsvDownload, ledgerDownload, XLSX_TYPE } from '../common/ledger/ledger-download';
import { ReaderLang } from '../common/reader-lang.decorator';
import type { Lang } from '../shared/i18n';

/** The council's side of spaces: layout, fire-lane clearance, neighbour consent, stickers, ledger. */
@ApiTags('spaces')
@ApiStandardErrors()
@Controller('api')
export class LayoutController {
  constructor(
    private readonly layout: LayoutService,
    private readonly consent: ConsentService,
    private readonly stickers: StickersService,
    private readonly ledger: SessionLedgerService,
  ) {}

  @Post('lanes/:id/spaces')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({
    summary: 'Paint a new space; it goes live after the facing households may object',
  })
  @ApiOkResponse({ type: SpaceView })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateSpaceDto,
  ): Promise<SpaceView> {
    return this.layout.createSpace(actor, id, body);
  }

  @Patch('spaces/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Move, resize, close, reserve or assign a space' })
  @ApiOkResponse({ type: SpaceView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSpaceDto,
  ): Promise<SpaceView> {
    return this.layout.updateSpace(actor, id, body);
  }

  @Get('lanes/:id/segments')
  @ApiOperation({
    summary: "The lane's segments: width and the clear passage kept for fire engines",
  })
  @ApiOkResponse({ type: [LaneSegmentDto] })
  segments(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LaneSegmentRule[]> {
    return this.layout.segments(actor, id);
  }

  @Put('lanes/:id/segments')
  @Roles('admin')
  @ApiOperation({
    summary: "Replace the lane's segments (refused if a painted space would narrow the passage)",
  })
  @ApiOkResponse({ type: [LaneSegmentDto] })
  replaceSegments(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LaneSegmentsDto,
  ): Promise<LaneSegmentRule[]> {
    return this.layout.replaceSegments(actor, id, body.segments);
  }

  @Post('spaces/:id/restrictions')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a no-parking window, e.g. 07:00–09:00 for the refuse truck' })
  @ApiOkResponse({ type: SpaceView })
  addRestriction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateRestrictionDto,
  ): Promise<SpaceView> {
    return this.layout.addRestriction(actor, id, body);
  }

  @Delete('spaces/:id/restrictions/:restrictionId')
  @Roles('admin')
  @ApiOkResponse({ type: SpaceView })
  removeRestriction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('restrictionId', ParseUUIDPipe) restrictionId: string,
  ): Promise<SpaceView> {
    return this.layout.removeRestriction(actor, id, restrictionId);
  }

  @Get('objections/mine')
  @Roles('resident')
  @ApiOperation({
    summary: "The household's own objections, each with the council's written answer",
  })
  @ApiOkResponse({ type: [MyObjectionView] })
  myObjections(@CurrentActor() actor: Actor): Promise<MyObjectionView[]> {
    return this.consent.mine(actor);
  }

  @Get('objections/open')
  @Roles('resident')
  @ApiOperation({
    summary: "门前新画车位公示: spaces awaiting consent that face the reader's household",
    description:
      "Only while the objection window is open; each says whether the household has objected and the council's answer.",
  })
  @ApiOkResponse({ type: [ConsentNoticeView] })
  openNotices(@CurrentActor() actor: Actor): Promise<ConsentNoticeView[]> {
    return this.consent.openToMe(actor);
  }

  @Get('objections/undecided')
  @Roles('admin')
  @ApiOperation({
    summary: "How many neighbours' objections wait for the council's written answer",
    description: "`{ total }`; re-read it on the council room's `objection.updated` push.",
  })
  @ApiOkResponse({ type: UndecidedObjections })
  undecided(@CurrentActor() actor: Actor): Promise<UndecidedObjections> {
    return this.consent.undecided(actor);
  }

  @Get('lanes/:id/consents')
  @Roles('admin')
  @ApiOperation({
    summary:
      "The lane's spaces awaiting consent or objected to, with every objection (the council)",
  })
  @ApiOkResponse({ type: [ConsentCaseView] })
  consents(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConsentCaseView[]> {
    return this.consent.casesOfLane(actor, id);
  }

  @Get('spaces/:id/objections')
  @ApiOperation({ summary: 'Objections to a space: all for the council, its own for a household' })
  @ApiOkResponse({ type: [ObjectionView] })
  objections(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ObjectionView[]> {
    return this.consent.list(actor, id);
  }

  @Post('spaces/:id/objections')
  @Idempotent()
  @Roles('resident')
  @ApiOperation({ summary: 'A facing household objects during the objection window' })
  @ApiOkResponse({ type: ObjectionView })
  object(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RaiseObjectionDto,
  ): Promise<ObjectionView> {
    return this.consent.raise(actor, id, body);
  }

  @Post('spaces/:id/objections/:objectionId/decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'The council answers an objection in writing' })
  @ApiOkResponse({ type: ObjectionView })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('objectionId', ParseUUIDPipe) objectionId: string,
    @Body() body: DecideObjectionDto,
  ): Promise<ObjectionView> {
    return this.consent.decide(actor, id, objectionId, body);
  }

  @Get('lanes/:id/stickers')
  @Roles('admin')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'Printable sheet of the QR stickers of every space of the lane (the council only)',
  })
  stickerSheet(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<string> {
    return this.stickers.sheet(actor, id, `${request.protocol}://${request.host}`);
  }

  @Get('lanes/:id/sessions')
  @Roles('admin', 'viewer')
  @ApiOperation({
    summary:
      'The occupancy sessions of the lane that started in a period, oldest first, a page at a time',
    description:
      'The council; a street-office viewer granted the association, with plates masked. Page after page, exactly the rows of sessions.csv and sessions.xlsx.',
  })
  sessions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SessionListQuery,
  ): Promise<Page<SessionView>> {
    return this.ledger.list(actor, id, query);
  }

  @Get('lanes/:id/sessions.csv')
  @Roles('admin', 'viewer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The occupancy ledger (停车台账) of the lane as CSV',
    description:
      "The council; a street-office viewer granted the association, with plates masked. Headers in the reader's language, Beijing time.",
  })
  async sessionsCsv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SessionPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, id, query, lang);
    return ledgerCsvDownload(ledger, lang, 'parking-sessions.csv');
  }

  @Get('lanes/:id/sessions.xlsx')
  @Roles('admin', 'viewer')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: 'The occupancy ledger (停车台账) of the lane as a workbook' })
  async sessionsXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SessionPeriodQuery,
    @ReaderLang() lang: Lang,
  ): Promise<StreamableFile> {
    const ledger = await this.ledger.ledger(actor, id, query, lang);
    return ledgerDownload(ledger, lang, 'parking-sessions.xlsx');
  }
}
