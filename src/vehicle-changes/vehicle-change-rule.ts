import { Injectable } from '@nestjs/common';
import { ResidentVehicleGate, type VehicleChangeWait } from '../associations/resident-vehicle-gate';
import { ConventionRulesService } from '../conventions/convention-rules.service';

/**
 * The convention's vehicleChangesNeedApproval: a resident's new car or changed plate waits for
 * the council. The one reader of the parameter; the register (src/associations) asks through
 * ResidentVehicleGate so that its own routes cannot go round the council either.
 */
@Injectable()
export class VehicleChangeRule extends ResidentVehicleGate {
  constructor(private readonly conventions: ConventionRulesService) {
    super();
  }

  async residentChangesWait(associationId: string): Promise<VehicleChangeWait> {
    const rules = await this.conventions.rulesInForce(associationId);
    return {
      wait: rules.parameters.vehicleChangesNeedApproval,
      article: rules.articleFor('vehicleChangesNeedApproval')?.number ?? null,
    };
  }
}
