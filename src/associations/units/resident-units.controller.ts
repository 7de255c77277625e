import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { MemberView } from '../dto/member.view';
import {
  AddUnitStaffDto,
  AgreementDto,
  ListUnitsQuery,
  RegisterUnitDto,
  UpdateUnitDto,
} from './dto/resident-unit.dto';
import { ResidentUnitDetailView, ResidentUnitListView } from './dto/resident-unit.view';
import { ResidentUnitsService } from './resident-units.service';

@ApiTags('resident units')
@ApiBearerAuth()
@ApiStandardErrors()
@Roles('street', 'admin')
@Controller('api/resident-units')
export class ResidentUnitsController {
  constructor(private readonly units: ResidentUnitsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Register a resident unit (驻区单位) with its signed agreement (street or council)',
  })
  @ApiCreatedResponse({ type: ResidentUnitDetailView })
  register(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterUnitDto,
  ): Promise<ResidentUnitDetailView> {
    return this.units.register(actor, body);
  }

  @Get()
  @ApiOperation({
    summary:
      "Resident units with their current agreement: a council's own; the street's, or one association's",
  })
  @ApiOkResponse({ type: ResidentUnitListView })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListUnitsQuery,
  ): Promise<ResidentUnitListView> {
    return this.units.list(actor, query.associationId);
  }

  @Get('mine')
  @Roles('unit')
  @ApiOperation({
    summary: "The unit's own staff read their unit and every version of its agreement (协议)",
  })
  @ApiOkResponse({ type: ResidentUnitDetailView })
  mine(@CurrentActor() actor: Actor): Promise<ResidentUnitDetailView> {
    return this.units.mine(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A resident unit, every version of its agreement, and its staff' })
  @ApiOkResponse({ type: ResidentUnitDetailView })
  detail(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ResidentUnitDetailView> {
    return this.units.detail(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a unit's name, kind or address" })
  @ApiOkResponse({ type: ResidentUnitDetailView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<ResidentUnitDetailView> {
    return this.units.update(actor, id, body);
  }

  @Post(':id/agreements')
  @Idempotent()
  @ApiOperation({
    summary: "A new version of the unit's agreement; earlier versions stay on record",
  })
  @ApiCreatedResponse({ type: ResidentUnitDetailView })
  amendAgreement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AgreementDto,
  ): Promise<ResidentUnitDetailView> {
    return this.units.amendAgreement(actor, id, body);
  }

  @Post(':id/staff')
  @Idempotent()
  @ApiOperation({
    summary: "A staff account of the unit, who logs in at once and lends only this unit's spaces",
  })
  @ApiCreatedResponse({ type: MemberView })
  addStaff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddUnitStaffDto,
  ): Promise<MemberView> {
    return this.units.addStaff(actor, id, body);
  }
}
