// Who may take an offer (its nightly places and its standing ones), as data the offer states:
// the associations it is open to, the lanes a household must be registered in, a car registered
// (行驶证) to a member of the household, the plate colours (new-energy green). Each condition is
// met or missed on its own, and a missed one is a refusal of the catalogue, so the resident reads
// exactly which condition they miss, in the very words a refused booking gets. Pure.
import type { PlateColor } from '../shared/plate';
import type { Lang } from '../shared/i18n';
import { renderReason } from '../shared/reasons';
import type { EligibilityCondition } from '../shared/api/sharing';

// The conditions, in the order they are checked and shown, are declared with the responses.
export { ELIGIBILITY_CONDITIONS, type EligibilityCondition } from '../shared/api/sharing';

export type IneligibleReason =
  | 'booking.resident_only'
  | 'booking.no_household'
  | 'booking.association_not_eligible'
  | 'booking.lane_not_eligible'
  | 'booking.no_vehicle'
  | 'booking.licence_owner_unchecked'
  | 'booking.licence_owner_not_household'
  | 'booking.plate_color_not_eligible';

/** The short names the offer list has always given (`eligibility.reasons`), kept stable. */
export const SHORT_REASONS = {
  'booking.resident_only': 'not_a_resident',
  'booking.no_household': 'no_household',
  'booking.association_not_eligible': 'association',
  'booking.lane_not_eligible': 'lane',
  'booking.no_vehicle': 'no_vehicle',
  'booking.licence_owner_unchecked': 'licence_owner_unchecked',
  'booking.licence_owner_not_household': 'licence_owner_not_household',
  'booking.plate_color_not_eligible': 'plate_color',
} as const satisfies Record<IneligibleReason, string>;

/** What an offer states about who may take it (empty lists: no such condition). */
export interface OfferConditions {
  eligibleAssociationIds: readonly string[];
  eligibleLaneIds: readonly string[];
  requiresLicenceOwner: boolean;
  eligiblePlateColors: readonly PlateColor[];
}

export interface ResidentFacts {
  isResident: boolean;
  householdId: string | null;
  associationId: string;
  /** The lane the household is registered in, if any. */
  laneId: string | null;
}

export interface VehicleFacts {
  id: string;
  plateColor: PlateColor;
  /** The owner's name on the 行驶证 was imported and checked. */
  licenceChecked: boolean;
  /** …and it is the name of a member of the car's household. */
  licenceOwnerInHousehold: boolean;
}

export interface ConditionCheck {
  condition: EligibilityCondition;
  met: boolean;
  /** The refusal a missed condition gives; null when met. */
  reason: IneligibleReason | null;
}

export interface VehicleEligibility {
  vehicleId: string;
  eligible: boolean;
  conditions: ConditionCheck[];
}

export interface Eligibility {
  /** Some car of the household meets every condition. */
  eligible: boolean;
  /** The household's conditions (resident, association, lane, a car at all). */
  conditions: ConditionCheck[];
  /** Each car's own conditions (licence owner, plate colour), after the household's. */
  vehicles: VehicleEligibility[];
}

const check = (
  condition: EligibilityCondition,
  missed: IneligibleReason | null,
): ConditionCheck => ({ condition, met: missed === null, reason: missed });

/** The household's conditions; those the offer does not state are left out. */
export function householdConditions(
  offer: OfferConditions,
  resident: ResidentFacts,
  vehicles: number,
): ConditionCheck[] {
  const checks = [
    check(
      'resident',
      !resident.isResident
        ? 'booking.resident_only'
        : !resident.householdId
          ? 'booking.no_household'
          : null,
    ),
    check(
      'association',
      offer.eligibleAssociationIds.includes(resident.associationId)
        ? null
        : 'booking.association_not_eligible',
    ),
  ];
  if (offer.eligibleLaneIds.length > 0) {
    const inLane = resident.laneId !== null && offer.eligibleLaneIds.includes(resident.laneId);
    checks.push(check('lane', inLane ? null : 'booking.lane_not_eligible'));
  }
  checks.push(check('vehicle', vehicles > 0 ? null : 'booking.no_vehicle'));
  return checks;
}

/** One car's conditions; those the offer does not state are left out. */
export function vehicleConditions(offer: OfferConditions, vehicle: VehicleFacts): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (offer.requiresLicenceOwner) {
    checks.push(
      check(
        'licence_owner',
        !vehicle.licenceChecked
          ? 'booking.licence_owner_unchecked'
          : vehicle.licenceOwnerInHousehold
            ? null
            : 'booking.licence_owner_not_household',
      ),
    );
  }
  if (offer.eligiblePlateColors.length > 0) {
    const fits = offer.eligiblePlateColors.includes(vehicle.plateColor);
    checks.push(check('plate_color', fits ? null : 'booking.plate_color_not_eligible'));
  }
  return checks;
}

export function eligibilityOf(
  offer: OfferConditions,
  resident: ResidentFacts,
  vehicles: readonly VehicleFacts[],
): Eligibility {
  const conditions = householdConditions(offer, resident, vehicles.length);
  const householdMet = conditions.every((c) => c.met);
  const perVehicle = vehicles.map((vehicle) => {
    const own = vehicleConditions(offer, vehicle);
    return {
      vehicleId: vehicle.id,
      eligible: householdMet && own.every((c) => c.met),
      conditions: own,
    };
  });
  return {
    eligible: perVehicle.some((v) => v.eligible),
    conditions,
    vehicles: perVehicle,
  };
}

/**
 * The first condition missed with this car, in the order above: the refusal a booking or a
 * registration with it gets. null: it may.
 */
export function firstMissed(eligibility: Eligibility, vehicleId: string): IneligibleReason | null {
  const own = eligibility.vehicles.find((v) => v.vehicleId === vehicleId);
  const checks = [...eligibility.conditions, ...(own?.conditions ?? [])];
  return checks.find((c) => !c.met)?.reason ?? null;
}

/** Every condition missed (the household's, then the best car's), for the offer list. */
export function missedReasons(eligibility: Eligibility): IneligibleReason[] {
  const household = eligibility.conditions.flatMap((c) => (c.reason ? [c.reason] : []));
  const best = [...eligibility.vehicles].sort(
    (a, b) => missedCount(a.conditions) - missedCount(b.conditions),
  )[0];
  const own = (best?.conditions ?? []).flatMap((c) => (c.reason ? [c.reason] : []));
  return [...household, ...own];
}

const missedCount = (checks: ConditionCheck[]) => checks.filter((c) => !c.met).length;

/** One line per reason, for the resident to read. */
export function explain(reasons: readonly IneligibleReason[], lang: Lang): string[] {
  return reasons.map((reason) => renderReason(reason, {}, lang));
}
