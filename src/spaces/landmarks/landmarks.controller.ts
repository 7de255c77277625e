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
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import type { LandmarkView } from '../../shared/landmarks';
import { CreateLandmarkDto, LandmarkViewDto, UpdateLandmarkDto } from './dto/landmark.dto';
import { LandmarksService } from './landmarks.service';

/** The lane as people name it: door numbers, the hydrant, entrances, the way to car parks. */
@ApiTags('spaces')
@ApiStandardErrors()
@Controller('api')
export class LandmarksController {
  constructor(private readonly landmarks: LandmarksService) {}

  @Get('lanes/:id/landmarks')
  @ApiOperation({ summary: "The lane's landmarks, in order along it" })
  @ApiOkResponse({ type: [LandmarkViewDto] })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LandmarkView[]> {
    return this.landmarks.forLane(actor, id);
  }

  @Post('lanes/:id/landmarks')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Place a landmark: a door number, the hydrant, a car park pointer…' })
  @ApiOkResponse({ type: LandmarkViewDto })
  place(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateLandmarkDto,
  ): Promise<LandmarkView> {
    return this.landmarks.place(actor, id, body);
  }

  @Patch('landmarks/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Move, rename or re-point a landmark' })
  @ApiOkResponse({ type: LandmarkViewDto })
  change(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLandmarkDto,
  ): Promise<LandmarkView> {
    return this.landmarks.change(actor, id, body);
  }

  @Delete('landmarks/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a landmark' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.landmarks.remove(actor, id);
  }
}
