import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { AvailabilityService } from './availability.service';
import {
  AssociationAvailabilityQuery,
  AssociationAvailabilityView,
  AvailabilityQuery,
  LaneAvailabilityView,
} from './dto/availability.dto';
import { CheckInDto, CheckInView } from './dto/occupancy.dto';
import { LaneSpacesView, SpaceView } from './dto/space.view';
import { LaneMapService } from './lane-map.service';
import { OccupancyService } from './occupancy.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('spaces')
@ApiStandardErrors()
@Controller('api')
export class SpacesController {
  constructor(
    private readonly map: LaneMapService,
    private readonly availability: AvailabilityService,
    private readonly occupancy: OccupancyService,
  ) {}

  @Get('lanes/:id/spaces')
  @ApiOperation({
    summary: "The lane's spaces with their state, counts, and the live map seq they are at",
    description: 'Wardens and the council see plates; others see states, and their own car only.',
  })
  @ApiOkResponse({ type: LaneSpacesView })
  laneSpaces(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LaneSpacesView> {
    return this.map.laneSpaces(actor, id);
  }

  @Get('lanes/:id/availability')
  @ApiOperation({ summary: 'Counts by state and kind, and the spaces free now or over a window' })
  @ApiOkResponse({ type: LaneAvailabilityView })
  laneAvailability(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AvailabilityQuery,
  ): Promise<LaneAvailabilityView> {
    return this.availability.forLane(actor, id, query);
  }

  @Get('availability')
  @ApiOperation({ summary: 'Availability of every lane of an association' })
  @ApiOkResponse({ type: AssociationAvailabilityView })
  associationAvailability(
    @CurrentActor() actor: Actor,
    @Query() query: AssociationAvailabilityQuery,
  ): Promise<AssociationAvailabilityView> {
    return this.availability.forAssociation(actor, query);
  }

  @Post('spaces/:id/check-in')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a car in (warden; or a resident with the QR sticker token)',
    description:
      '409 when the space is taken, closed, restricted now, or the car is elsewhere. `warnings`: restrictions starting within 12 hours.',
  })
  @ApiOkResponse({ type: CheckInView })
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInView> {
    return this.occupancy.checkIn(actor, id, body);
  }

  @Post('spaces/:id/check-out')
  @HttpCode(200)
  @ApiOperation({ summary: 'The car at this space has left' })
  @ApiOkResponse({ type: SpaceView })
  checkOut(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SpaceView> {
    return this.occupancy.checkOut(actor, id);
  }
}
