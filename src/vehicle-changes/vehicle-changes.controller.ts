import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import type { Page } from '../common/pagination';
import {
  ApproveVehicleChangeDto,
  RefuseVehicleChangeDto,
  RequestVehicleChangeDto,
  VehicleChangeQuery,
  VehicleChangeRuleView,
  VehicleChangeView,
} from './vehicle-change.dto';
import { VehicleChangesService } from './vehicle-changes.service';

@ApiTags('vehicles')
@ApiStandardErrors()
@Controller('api/vehicle-changes')
export class VehicleChangesController {
  constructor(private readonly changes: VehicleChangesService) {}

  @Get('rule')
  @Roles('resident', 'admin')
  @ApiOperation({
    summary: "Whether residents' vehicle changes wait for the council, and the household quota",
  })
  @ApiOkResponse({ type: VehicleChangeRuleView })
  rule(@CurrentActor() actor: Actor): Promise<VehicleChangeRuleView> {
    return this.changes.ruleFor(actor);
  }

  @Get()
  @Roles('resident', 'admin')
  @ApiOperation({
    summary: "Requests: the council sees the association's, a resident their household's",
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: VehicleChangeQuery,
  ): Promise<Page<VehicleChangeView>> {
    return this.changes.list(actor, query);
  }

  @Get(':id')
  @Roles('resident', 'admin')
  @ApiOkResponse({ type: VehicleChangeView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VehicleChangeView> {
    return this.changes.get(actor, id);
  }

  @Post()
  @Idempotent()
  @Roles('resident')
  @ApiOperation({
    summary:
      'A resident registers a car or changes a plate: entered at once, or pending for the council when the convention says so',
  })
  @ApiOkResponse({ type: VehicleChangeView })
  request(
    @CurrentActor() actor: Actor,
    @Body() body: RequestVehicleChangeDto,
  ): Promise<VehicleChangeView> {
    return this.changes.request(actor, body);
  }

  @Post(':id/approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Council: approve; the change enters the register at once' })
  @ApiOkResponse({ type: VehicleChangeView })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApproveVehicleChangeDto,
  ): Promise<VehicleChangeView> {
    return this.changes.approve(actor, id, body);
  }

  @Post(':id/refuse')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Council: refuse with a written reason the household reads' })
  @ApiOkResponse({ type: VehicleChangeView })
  refuse(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RefuseVehicleChangeDto,
  ): Promise<VehicleChangeView> {
    return this.changes.refuse(actor, id, body);
  }
}
