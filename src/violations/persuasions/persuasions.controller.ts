import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import type { Page } from '../../common/pagination';
import {
  AddPhotoDto,
  PersuasionQuery,
  PersuasionView,
  RecordGuidanceDto,
  RecordPersuasionDto,
} from './persuasion.dto';
import { PersuasionsService } from './persuasions.service';

@ApiTags('violations')
@ApiStandardErrors()
@Controller('api/persuasions')
export class PersuasionsController {
  constructor(private readonly persuasions: PersuasionsService) {}

  @Post()
  @Idempotent()
  @Roles('warden', 'admin')
  @ApiOperation({
    summary: 'Warden: a persuasion without a violation (劝导): what was said and what came of it',
  })
  @ApiOkResponse({ type: PersuasionView })
  record(@CurrentActor() actor: Actor, @Body() body: RecordPersuasionDto): Promise<PersuasionView> {
    return this.persuasions.record(actor, body);
  }

  @Post('guidance')
  @Idempotent()
  @Roles('warden', 'admin')
  @ApiOperation({ summary: 'Warden, one tap: a car guided to a free space (引导)' })
  @ApiOkResponse({ type: PersuasionView })
  guide(@CurrentActor() actor: Actor, @Body() body: RecordGuidanceDto): Promise<PersuasionView> {
    return this.persuasions.guide(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Persuasion records (a household sees only its own)' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: PersuasionQuery,
  ): Promise<Page<PersuasionView>> {
    return this.persuasions.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersuasionView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PersuasionView> {
    return this.persuasions.get(actor, id);
  }

  @Post(':id/photos')
  @Roles('warden', 'admin')
  @ApiOperation({
    summary: 'Add a photo (at most three; JPEG or PNG; EXIF and other metadata are removed)',
  })
  @ApiOkResponse({ type: PersuasionView })
  addPhoto(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddPhotoDto,
  ): Promise<PersuasionView> {
    return this.persuasions.addPhoto(actor, id, body);
  }

  @Get(':id/photos/:photoId')
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOperation({ summary: "A record's photo: the association's staff and the household only" })
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('photoId', ParseUUIDPipe) photoId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const photo = await this.persuasions.photo(actor, id, photoId);
    void reply
      .type(photo.contentType)
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', 'inline')
      .send(photo.bytes);
  }
}
