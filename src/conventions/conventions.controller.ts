import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { AcknowledgementsService } from './acknowledgements.service';
import { BallotsService, type VoteReceipt } from './ballots.service';
import { CommentsService } from './comments.service';
import { ConventionsService } from './conventions.service';
import {
  CommentDto,
  CommentReplyDto,
  DraftVersionDto,
  UpdateDraftDto,
  VoteDto,
} from './dto/version.dto';
import {
  AcknowledgementsView,
  CommentView,
  MyVoteView,
  VersionDiffView,
  VersionSummaryView,
  VersionView,
  VoteResultView,
} from './dto/version.view';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

class VersionsQuery {
  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

@ApiTags('conventions')
@ApiStandardErrors()
@Controller('api/conventions')
export class ConventionsController {
  constructor(
    private readonly conventions: ConventionsService,
    private readonly ballots: BallotsService,
    private readonly comments: CommentsService,
    private readonly acknowledgements: AcknowledgementsService,
  ) {}

  @Get('current')
  @ApiOperation({ summary: 'The version in force: articles, parameters, vote record' })
  @ApiOkResponse({ type: VersionView })
  current(@CurrentActor() actor: Actor): Promise<VersionView> {
    return this.conventions.current(actor);
  }

  @Post('current/acknowledge')
  @HttpCode(200)
  @Roles('admin', 'warden', 'resident')
  @ApiOperation({ summary: 'Sign (acknowledge) the version in force' })
  acknowledge(@CurrentActor() actor: Actor) {
    return this.acknowledgements.acknowledge(actor);
  }

  @Get('current/acknowledgements')
  @Roles('admin')
  @ApiOperation({ summary: 'Council: who has signed the version in force and who has not' })
  @ApiOkResponse({ type: AcknowledgementsView })
  acknowledgementStatus(@CurrentActor() actor: Actor): Promise<AcknowledgementsView> {
    return this.acknowledgements.status(actor);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every version, newest first (drafts only for the council)' })
  @ApiOkResponse({ type: [VersionSummaryView] })
  list(@CurrentActor() actor: Actor, @Query() query: VersionsQuery): Promise<VersionSummaryView[]> {
    return this.conventions.list(actor, query.associationId);
  }

  @Post('versions')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({
    summary: 'Council: draft a new version (an amendment copies the text it amends)',
  })
  @ApiOkResponse({ type: VersionView })
  draft(@CurrentActor() actor: Actor, @Body() body: DraftVersionDto): Promise<VersionView> {
    return this.conventions.draft(actor, body);
  }

  @Get('versions/:id')
  @ApiOkResponse({ type: VersionView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VersionView> {
    return this.conventions.get(actor, id);
  }

  @Patch('versions/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Council: change a draft before its comment period' })
  @ApiOkResponse({ type: VersionView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDraftDto,
  ): Promise<VersionView> {
    return this.conventions.update(actor, id, body);
  }

  @Get('versions/:id/diff/:otherId')
  @ApiOperation({ summary: 'Articles and parameters changed from :id to :otherId' })
  @ApiOkResponse({ type: VersionDiffView })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('otherId', ParseUUIDPipe) otherId: string,
  ): Promise<VersionDiffView> {
    return this.conventions.diff(actor, id, otherId);
  }

  @Post('versions/:id/open-comments')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Council: open the comment period (commentDays)' })
  @ApiOkResponse({ type: VersionView })
  openComments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.conventions.openComments(actor, id);
  }

  @Get('versions/:id/comments')
  @ApiOkResponse({ type: [CommentView] })
  listComments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.comments.list(actor, id);
  }

  @Post('versions/:id/comments')
  @Idempotent()
  @Roles('admin', 'warden', 'resident')
  @ApiOkResponse({ type: CommentView })
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommentDto,
  ): Promise<CommentView> {
    return this.comments.add(actor, id, body);
  }

  @Post('versions/:id/comments/:commentId/reply')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Council: answer a comment in writing (once); every member reads it' })
  @ApiOkResponse({ type: CommentView })
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() body: CommentReplyDto,
  ): Promise<CommentView> {
    return this.comments.reply(actor, id, commentId, body);
  }

  @Post('versions/:id/open-vote')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Council: after the comment period, open the vote (votingDays)' })
  @ApiOkResponse({ type: VersionView })
  async openVote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VersionView> {
    await this.ballots.openVote(actor, id);
    return this.conventions.get(actor, id);
  }

  @Post('versions/:id/votes')
  @Idempotent()
  @Roles('admin', 'resident')
  @ApiOperation({
    summary: 'Cast the household’s (or member’s) secret ballot; returns a receipt code',
  })
  vote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VoteDto,
  ): Promise<VoteReceipt> {
    return this.ballots.vote(actor, id, body.choice);
  }

  @Get('versions/:id/my-vote')
  @ApiOperation({ summary: 'My household’s ballot, its receipt, and whether it was counted' })
  @ApiOkResponse({ type: MyVoteView })
  myVote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MyVoteView> {
    return this.ballots.myVote(actor, id);
  }

  @Post('versions/:id/close-vote')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Council: count the ballots; the result is computed, never typed' })
  @ApiOkResponse({ type: VoteResultView })
  closeVote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VoteResultView> {
    return this.ballots.closeVote(actor, id);
  }
}
