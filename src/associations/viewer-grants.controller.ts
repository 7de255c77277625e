import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { GrantViewerDto, ViewerGrantView } from './dto/viewer-grant.dto';
import { ViewerGrantsService } from './viewer-grants.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('associations')
@ApiStandardErrors()
@Roles('admin')
@Controller('api/viewer-grants')
export class ViewerGrantsController {
  constructor(private readonly grants: ViewerGrantsService) {}

  @Get()
  @ApiOperation({ summary: 'Street-office and community viewers who may read this association' })
  @ApiOkResponse({ type: [ViewerGrantView] })
  list(@CurrentActor() actor: Actor): Promise<ViewerGrantView[]> {
    return this.grants.list(actor);
  }

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Let a viewer account read this association (effective at its next login or refresh)',
  })
  @ApiOkResponse({ type: ViewerGrantView })
  grant(@CurrentActor() actor: Actor, @Body() body: GrantViewerDto): Promise<ViewerGrantView> {
    return this.grants.grant(actor, body.phone);
  }

  @Delete(':memberId')
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('memberId', ParseUUIDPipe) memberId: string,
  ): Promise<void> {
    return this.grants.revoke(actor, memberId);
  }
}
