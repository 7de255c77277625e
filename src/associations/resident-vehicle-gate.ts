// Whether a resident's own change to the vehicle register must wait for the council. The
// convention decides (vehicleChangesNeedApproval), and the conventions feature sits above this
// one, so the feature above both (src/vehicle-changes) provides the answer, globally; without it
// nothing waits. This keeps POST/PATCH /api/vehicles from going round the council's approval.

/** The article that makes residents' vehicle changes wait; null when they enter at once. */
export interface VehicleChangeWait {
  wait: boolean;
  article: number | null;
}

export abstract class ResidentVehicleGate {
  abstract residentChangesWait(associationId: string): Promise<VehicleChangeWait>;
}
