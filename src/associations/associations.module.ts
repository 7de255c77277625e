import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Association } from './association.entity';
import { AssociationsController } from './associations.controller';
import { AssociationsService } from './associations.service';
import { HouseholdLedgerService } from './household-ledger.service';
import { Household } from './household.entity';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { Lane } from './lane.entity';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ResidentUnit } from './resident-unit.entity';
import { Vehicle } from './vehicle.entity';
import { VehiclesController } from './vehicles.controller';
import { VehiclesService } from './vehicles.service';
import { ViewerGrantsController } from './viewer-grants.controller';
import { ViewerGrantsService } from './viewer-grants.service';
import { associationsDemoSeed } from './demo-data';

@Module({
  imports: [
    TypeOrmModule.forFeature([Association, Lane, Household, Member, Vehicle, ResidentUnit]),
  ],
  controllers: [
    AssociationsController,
    HouseholdsController,
    MembersController,
    VehiclesController,
    ViewerGrantsController,
  ],
  providers: [
    associationsDemoSeed,
    AssociationsService,
    HouseholdsService,
    MembersService,
    VehiclesService,
    HouseholdLedgerService,
    ViewerGrantsService,
  ],
  exports: [AssociationsService, HouseholdsService, MembersService, VehiclesService],
})
export class AssociationsModule {}
