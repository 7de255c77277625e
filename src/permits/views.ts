// Permit → response. Plates follow the associations' rule (mayReadPlate), decided here once.
import type { Actor } from '../auth/actor';
import { maskPlate } from '../common/masking';
import { formatPlate } from '../shared/plate';
import { mayReadPlate } from '../associations/views';
import type { PermitResponse } from '../shared/api/permits';
import type { Permit } from './permit';
import { statusAt } from './permit-status';

/** `refusalReason`: the council's written reasons, for a refused application (its `rejected` event). */
export function toPermitView(
  permit: Permit,
  actor: Actor,
  now: Date,
  refusalReason: string | null = null,
): PermitResponse {
  const plateVisible = mayReadPlate(actor, {
    householdId: permit.householdId ?? '',
    associationId: permit.associationId,
  });
  return {
    id: permit.id,
    number: permit.number,
    associationId: permit.associationId,
    kind: permit.kind,
    vehicleId: permit.vehicleId,
    householdId: permit.householdId,
    plate: plateVisible ? formatPlate(permit.plate) : maskPlate(permit.plate),
    laneId: permit.laneId,
    carParkId: permit.carParkId,
    status: statusAt(permit, now),
    validFrom: permit.validFrom,
    validTo: permit.validTo,
    suspendedUntil: permit.suspendedUntil,
    suspensionReason: permit.suspensionReason,
    feeCny: permit.feeCny,
    paidCny: permit.paidCny,
    feePaidAt: permit.feePaidAt,
    note: permit.note,
    refusalReason: permit.status === 'rejected' ? refusalReason : null,
  };
}
