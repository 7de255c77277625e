import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { StreetOverviewView } from './dto/overview.view';
import { StreetOverviewService } from './street-overview.service';

@ApiTags('street')
@ApiStandardErrors()
@Controller('api/street')
export class StreetController {
  constructor(private readonly overview: StreetOverviewService) {}

  @Get('overview')
  @Roles('street', 'viewer')
  @ApiOperation({
    summary:
      "The street's associations in figures (spaces, occupancy, duty gaps, violations, bookings); a viewer's granted ones",
  })
  @ApiOkResponse({ type: StreetOverviewView })
  get(@CurrentActor() actor: Actor): Promise<StreetOverviewView> {
    return this.overview.overview(actor);
  }
}
