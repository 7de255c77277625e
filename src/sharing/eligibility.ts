// Why a resident may or may not use an offer: from their association, household and vehicles.

export type IneligibleReason = 'not_a_resident' | 'no_household' | 'association' | 'no_vehicle';

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
  /** Bilingual, one line per reason, for the resident to read. */
  explanation: string[];
}

const EXPLAIN: Record<IneligibleReason, string> = {
  not_a_resident: '仅居民车主可预约 / only resident car owners may book',
  no_household: '您尚未登记住户 / you are not registered to a household',
  association:
    '您所在车友会不在开放范围内 / your association is not among those this offer is open to',
  no_vehicle: '本户尚未登记车辆 / your household has no registered vehicle',
};

export function eligibilityOf(input: {
  role: string;
  householdId: string | null;
  associationId: string;
  eligibleAssociationIds: string[];
  householdVehicles: number;
}): Eligibility {
  const reasons: IneligibleReason[] = [];
  if (input.role !== 'resident') reasons.push('not_a_resident');
  else if (!input.householdId) reasons.push('no_household');
  if (!input.eligibleAssociationIds.includes(input.associationId)) reasons.push('association');
  if (input.householdId && input.householdVehicles === 0) reasons.push('no_vehicle');
  return { eligible: reasons.length === 0, reasons, explanation: reasons.map((r) => EXPLAIN[r]) };
}
