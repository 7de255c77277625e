import { Global, Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ResidentVehicleGate } from '../associations/resident-vehicle-gate';
import { ConventionsModule } from '../conventions/conventions.module';
import { VehicleChangeRepository } from './vehicle-change.repository';
import { VehicleChangeRule } from './vehicle-change-rule';
import { VehicleChangesController } from './vehicle-changes.controller';
import { VehicleChangesService } from './vehicle-changes.service';

/**
 * Residents' own vehicle changes and the council's approval of them (登记审核), above the register
 * (associations) and the convention. Global only for ResidentVehicleGate: the register below asks
 * it whether a resident's direct change must wait, without importing the convention.
 */
@Global()
@Module({
  imports: [AssociationsModule, ConventionsModule],
  controllers: [VehicleChangesController],
  providers: [
    VehicleChangeRepository,
    VehicleChangeRule,
    VehicleChangesService,
    { provide: ResidentVehicleGate, useExisting: VehicleChangeRule },
  ],
  exports: [ResidentVehicleGate],
})
export class VehicleChangesModule {}
