import type { Actor } from '../auth/actor';
import {
  canReadAssociation,
  isCouncilOf,
  isOfHousehold,
  isResident,
  isResidentOf,
  isStaffOf,
  isUnitStaff,
} from '../auth/policy';

// Who may do what with permits, as named predicates built from auth/policy.ts. Services ask
// these; no role is compared anywhere else in the feature.

interface PermitFacts {
  associationId: string;
  householdId: string | null;
  kind: string;
}

/** Permits are read by the association's readers (viewers too); a resident reads their household's. */
export function canListPermits(actor: Actor): boolean {
  return !isUnitStaff(actor);
}

/** A resident's lists hold only their own household's permits. */
export function listsOwnHouseholdOnly(actor: Actor): boolean {
  return isResident(actor);
}

export function canReadPermit(actor: Actor, permit: PermitFacts): boolean {
  return (
    canReadAssociation(actor, permit.associationId) &&
    canListPermits(actor) &&
    (!listsOwnHouseholdOnly(actor) || isOfHousehold(actor, permit.householdId))
  );
}

/**
 * The QR and the printable card carry a signed token a car could be parked on: only the holder's
 * household and the association's staff get them, not street-office viewers (least privilege).
 */
export function canShowPermitQr(actor: Actor, permit: PermitFacts): boolean {
  return (
    isStaffOf(actor, permit.associationId) ||
    (actor.associationId === permit.associationId && isOfHousehold(actor, permit.householdId))
  );
}

/** The council registers a vehicle of its association; a household applies for its own car. */
export function canApplyForVehicle(
  actor: Actor,
  vehicle: { associationId: string; householdId: string | null },
): boolean {
  return (
    isCouncilOf(actor, vehicle.associationId) ||
    (isResidentOf(actor, vehicle.associationId) && isOfHousehold(actor, vehicle.householdId))
  );
}

/** The council changes any permit of its association; a household withdraws its own visitor pass. */
export function canChangePermit(actor: Actor, permit: PermitFacts): boolean {
  return isCouncilOf(actor, permit.associationId) || canWithdrawVisitorPass(actor, permit);
}

export function canWithdrawVisitorPass(actor: Actor, permit: PermitFacts): boolean {
  return (
    permit.kind === 'visitor' &&
    isResidentOf(actor, permit.associationId) &&
    isOfHousehold(actor, permit.householdId)
  );
}

/** Wardens' phones keep the revocation list offline; nobody else needs it. */
export function canReadRevocations(actor: Actor, associationId: string): boolean {
  return isStaffOf(actor, associationId);
}

/**
 * The permit ledger (台账): whoever lists permits exports the transitions of the permits listed
 * (a resident those of their household, as `listsOwnHouseholdOnly`), their plates masked as the
 * list masks them (`mayReadPlate`: the association's staff and the household in full).
 */
export function canExportLedger(actor: Actor, associationId: string): boolean {
  return canReadAssociation(actor, associationId) && canListPermits(actor);
}

/** Each association rotates and removes only its own signing keys. */
export function canManageSigningKeys(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/** Permit cards in bulk carry tokens of many households: the council prints them, no one else. */
export function canPrintPermitCards(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}
