// What /api/vehicle-changes answers: residents' own vehicle registrations and plate changes
// (登记审核). The resident's and the council's screens read it as `Wire<…>`
// (src/shared/api/wire.ts); the OpenAPI classes in src/vehicle-changes/vehicle-change.dto.ts
// implement these. Types only.
import type { PlateColor } from '../plate';

export const VEHICLE_CHANGE_STATUSES = ['pending', 'applied', 'approved', 'refused'] as const;
export type VehicleChangeStatus = (typeof VEHICLE_CHANGE_STATUSES)[number];

export interface VehicleChangeResponse {
  id: string;
  householdId: string;
  /** null: a new car not yet in the register. */
  vehicleId: string | null;
  kind: 'add' | 'edit';
  plate: string;
  plateColor: PlateColor;
  /** applied: entered at once (no approval needed); approved / refused by the council. */
  status: VehicleChangeStatus;
  /** The council's written reason. */
  decisionNote: string | null;
  decidedAt: string | null;
  requestedAt: string;
}

/** GET /api/vehicle-changes/rule */
export interface VehicleChangeRuleResponse {
  /** The convention makes residents' vehicle changes wait for the council. */
  needsApproval: boolean;
  /** The article that says so. */
  approvalArticle: number | null;
  /** How many of a household's cars may hold a permit at once. */
  vehiclesPerHousehold: number;
  quotaArticle: number | null;
}
