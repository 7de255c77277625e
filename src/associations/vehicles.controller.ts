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
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '../common/domain-error';
import { langOf } from '../common/error.filter';
import { XLSX_TYPE } from '../common/ledger/ledger-download';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { Page } from '../common/pagination';
import { CreateVehicleDto, UpdateVehicleDto, VehicleQuery } from './dto/vehicle.dto';
import { VehicleView } from './dto/vehicle.view';
import { VehiclesService } from './vehicles.service';
import { type LicenceFile, VehicleLicencesService } from './vehicle-licences.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('vehicles')
@ApiStandardErrors()
@Controller('api/vehicles')
export class VehiclesController {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly licences: VehicleLicencesService,
  ) {}

  @Post('licences/import')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiBody({ schema: { type: 'string', example: '车牌,所有人\n京A12345,王秀兰' } })
  @ApiOperation({
    summary:
      "Import the owner's name on each car's 行驶证 (CSV or xlsx: plate, owner) and check it against the members of the car's household",
  })
  @ApiOkResponse({ type: () => LicenceImportReportView })
  importLicences(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Req() request: { headers: Record<string, string | string[] | undefined> },
  ): Promise<LicenceImportReportView> {
    return this.licences.importOwners(actor, licenceFileOf(body), langOf(request));
  }

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

/** The body as the content-type parsers left it: CSV text, or workbook bytes. */
function licenceFileOf(body: unknown): LicenceFile {
  if (typeof body === 'string') return { kind: 'csv', text: body };
  if (Buffer.isBuffer(body)) return { kind: 'xlsx', bytes: body };
  throw new DomainError('licence.file_type');
}

class LicenceImportReportView {
  @ApiProperty() rows!: number;
  @ApiProperty({ description: "The licence's owner is a member of the car's household" })
  matched!: number;
  @ApiProperty({ description: 'Recorded, but the owner is nobody of the household' })
  notInHousehold!: { line: number; plate: string }[];
  @ApiProperty({ description: 'Rows refused, each with its reason and message' })
  rejected!: { line: number; plate: string; reason: string; message: string }[];
}
