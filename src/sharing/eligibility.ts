// Why a resident may or may not use an offer: from their association, household and vehicles.
// Each reason is a refusal of the catalogue, so the view explains it in the reader's language
// with the very words a refused booking gets.
import type { Lang } from '../shared/i18n';
import { renderReason } from '../shared/reasons';

export type IneligibleReason = 'not_a_resident' | 'no_household' | 'association' | 'no_vehicle';

export const INELIGIBLE_REFUSALS = {
  not_a_resident: 'booking.resident_only',
  no_household: 'booking.no_household',
  association: 'booking.association_not_eligible',
  no_vehicle: 'booking.no_vehicle',
} as const satisfies Record<IneligibleReason, string>;

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
}

export function eligibilityOf(input: {
  isResident: boolean;
  householdId: string | null;
  associationId: string;
  eligibleAssociationIds: string[];
  householdVehicles: number;
}): Eligibility {
  const reasons: IneligibleReason[] = [];
  if (!input.isResident) reasons.push('not_a_resident');
  else if (!input.householdId) reasons.push('no_household');
  if (!input.eligibleAssociationIds.includes(input.associationId)) reasons.push('association');
  if (input.householdId && input.householdVehicles === 0) reasons.push('no_vehicle');
  return { eligible: reasons.length === 0, reasons };
}

/** One line per reason, for the resident to read. */
export function explain(eligibility: Eligibility, lang: Lang): string[] {
  return eligibility.reasons.map((r) => renderReason(INELIGIBLE_REFUSALS[r], {}, lang));
}
