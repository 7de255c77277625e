import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { AllRoles, CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { AssociationsService } from './associations.service';
import { AssociationView, LaneView } from './dto/association.view';
import { CreateLaneDto, UpdateLaneDto } from './dto/lane.dto';
import { MeView } from './dto/me.view';
import { SetRetentionDto } from './dto/retention.dto';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

class LaneQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

@ApiTags('associations')
@ApiStandardErrors()
@Controller('api')
export class AssociationsController {
  constructor(private readonly associations: AssociationsService) {}

  @Get('me')
  @AllRoles()
  @ApiOperation({ summary: 'The logged-in member, their association and household' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.associations.me(actor);
  }

  @Get('associations')
  @ApiOperation({ summary: 'Associations the caller may read' })
  @ApiOkResponse({ type: [AssociationView] })
  list(@CurrentActor() actor: Actor): Promise<AssociationView[]> {
    return this.associations.list(actor);
  }

  @Get('associations/:id')
  @ApiOkResponse({ type: AssociationView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AssociationView> {
    return this.associations.get(actor, id);
  }

  @Patch('associations/:id/retention')
  @Roles('admin')
  @ApiOperation({ summary: 'How long scans and occupancy sessions are kept (the council)' })
  @ApiOkResponse({ type: AssociationView })
  setRetention(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetRetentionDto,
  ): Promise<AssociationView> {
    return this.associations.setRetention(actor, id, body.whereaboutsDays);
  }

  @Get('lanes')
  @ApiOperation({ summary: "Lanes of the caller's association (or of a granted one, for viewers)" })
  @ApiOkResponse({ type: [LaneView] })
  lanes(@CurrentActor() actor: Actor, @Query() query: LaneQuery): Promise<LaneView[]> {
    return this.associations.listLanes(actor, query.associationId);
  }

  @Get('lanes/:id')
  @ApiOkResponse({ type: LaneView })
  lane(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LaneView> {
    return this.associations.getLane(actor, id);
  }

  @Post('lanes')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a lane with its schematic centre line' })
  @ApiOkResponse({ type: LaneView })
  createLane(@CurrentActor() actor: Actor, @Body() body: CreateLaneDto): Promise<LaneView> {
    return this.associations.createLane(actor, body);
  }

  @Patch('lanes/:id')
  @Roles('admin')
  @ApiOkResponse({ type: LaneView })
  updateLane(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLaneDto,
  ): Promise<LaneView> {
    return this.associations.updateLane(actor, id, body);
  }
}
