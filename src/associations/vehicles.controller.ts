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
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { Page } from '../common/pagination';
import { CreateVehicleDto, UpdateVehicleDto, VehicleQuery } from './dto/vehicle.dto';
import { VehicleView } from './dto/vehicle.view';
import { VehiclesService } from './vehicles.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('vehicles')
@ApiStandardErrors()
@Controller('api/vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get()
  @ApiOperation({
    summary: 'Vehicles (a resident sees their household; plates masked unless needed)',
  })
  list(@CurrentActor() actor: Actor, @Query() query: VehicleQuery): Promise<Page<VehicleView>> {
    return this.vehicles.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VehicleView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VehicleView> {
    return this.vehicles.get(actor, id);
  }

  @Post()
  @Idempotent()
  @Roles('admin', 'resident')
  @ApiOperation({ summary: 'Register a vehicle (a resident registers to their own household)' })
  @ApiOkResponse({ type: VehicleView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateVehicleDto): Promise<VehicleView> {
    return this.vehicles.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin', 'resident')
  @ApiOkResponse({ type: VehicleView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateVehicleDto,
  ): Promise<VehicleView> {
    return this.vehicles.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'resident')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.vehicles.remove(actor, id);
  }
}
