import { Module } from '@nestjs/common';
import { AssociationRepository } from './association.repository';
import { AssociationsController } from './associations.controller';
import { AssociationsService } from './associations.service';
import { HouseholdLedgerService } from './household-ledger.service';
import { HouseholdRepository } from './household.repository';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { LaneRepository } from './lane.repository';
import { MemberRepository } from './member.repository';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ResidentUnitRepository } from './resident-unit.repository';
import { VehicleRepository } from './vehicle.repository';
import { VehiclesController } from './vehicles.controller';
import { VehiclesService } from './vehicles.service';
import { VehicleLicencesService } from './vehicle-licences.service';
import { ViewerGrantRepository } from './viewer-grant.repository';
import { ViewerGrantsController } from './viewer-grants.controller';
import { ViewerGrantsService } from './viewer-grants.service';
import { associationsDemoSeed } from './demo-data';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';
import { unitAgreementsDemoSeed } from './units/demo-agreements';
import { ResidentUnitsController } from './units/resident-units.controller';
import { ResidentUnitsService } from './units/resident-units.service';
import { UnitAgreementRepository } from './units/unit-agreement.repository';

@Module({
  controllers: [
    AssociationsController,
    HouseholdsController,
    MembersController,
    VehiclesController,
    ViewerGrantsController,
    OnboardingController,
    ResidentUnitsController,
  ],
  providers: [
    AssociationRepository,
    LaneRepository,
    HouseholdRepository,
    MemberRepository,
    VehicleRepository,
    ResidentUnitRepository,
    ViewerGrantRepository,
    associationsDemoSeed,
    unitAgreementsDemoSeed,
    AssociationsService,
    HouseholdsService,
    MembersService,
    VehiclesService,
    VehicleLicencesService,
    HouseholdLedgerService,
    ViewerGrantsService,
    OnboardingService,
    UnitAgreementRepository,
    ResidentUnitsService,
  ],
  exports: [
    AssociationsService,
    HouseholdsService,
    MembersService,
    VehiclesService,
    VehicleLicencesService,
    OnboardingService,
  ],
})
export class AssociationsModule {}
