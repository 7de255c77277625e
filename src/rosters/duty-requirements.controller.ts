import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { DutyRequirementsService } from './duty-requirements.service';
import { AssociationScopeQuery, DutyRequirementDto } from './dto/roster.dto';
import { DutyRequirementView } from './dto/roster.view';

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/rosters/requirements')
export class DutyRequirementsController {
  constructor(private readonly requirements: DutyRequirementsService) {}

  @Get()
  @Roles('admin', 'warden', 'viewer')
  @ApiOperation({
    summary: 'Who must be on duty when (值守要求): what coverage is measured against',
  })
  @ApiOkResponse({ type: [DutyRequirementView] })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: AssociationScopeQuery,
  ): Promise<DutyRequirementView[]> {
    return this.requirements.list(actor, query.associationId);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Declare a duty requirement, resting on an article of the convention' })
  @ApiOkResponse({ type: DutyRequirementView })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: DutyRequirementDto,
  ): Promise<DutyRequirementView> {
    return this.requirements.create(actor, body);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOkResponse({ type: DutyRequirementView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DutyRequirementDto,
  ): Promise<DutyRequirementView> {
    return this.requirements.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.requirements.remove(actor, id);
  }
}
