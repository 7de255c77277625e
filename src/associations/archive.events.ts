// Outbox messages of the register (written in the archiving transaction, delivered after commit
// and retried until handled). Permits revoke what the archived vehicle or household still held;
// associations depends on nobody for it.

/** A vehicle left the register: its permits in force end. */
export interface VehicleArchived {
  vehicleId: string;
  associationId: string;
  /** ISO time of the archiving. */
  at: string;
}
export const VEHICLE_ARCHIVED = 'associations.vehicle-archived';

/** A household left the register (its vehicles each get a VehicleArchived too). */
export interface HouseholdArchived {
  householdId: string;
  associationId: string;
  at: string;
}
export const HOUSEHOLD_ARCHIVED = 'associations.household-archived';
