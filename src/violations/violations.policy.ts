// Who may do what with violations, as named predicates built from src/auth/policy.ts.
import type { Actor } from '../auth/actor';
import {
  canReadAssociation,
  isCouncilOf,
  isOfHousehold,
  isResident,
  isStaffOf,
  isUnitStaff,
  isViewer,
  isWardenOf,
} from '../auth/policy';
import type { Violation } from './violation';

/** Wardens record what they see in the lane; the council may record too. */
export function canRecordViolation(actor: Actor, associationId: string): boolean {
  return isStaffOf(actor, associationId);
}

/** Whether the convention's "only wardens on duty" asks about this recorder's shift. */
export function recordsAsWarden(actor: Actor, associationId: string): boolean {
  return isWardenOf(actor, associationId);
}

/** Resident units have no part in the lane's violations. */
export function canListViolations(actor: Actor): boolean {
  return !isUnitStaff(actor);
}

/** Residents (and viewers, who live somewhere too) see their own household's record only. */
export function seesOwnHouseholdOnly(actor: Actor): boolean {
  return isResident(actor) || isViewer(actor);
}

/** The association's staff, and the household concerned. */
export function canReadViolation(actor: Actor, v: Violation): boolean {
  return (
    canReadAssociation(actor, v.associationId) &&
    (isStaffOf(actor, v.associationId) || isOfHousehold(actor, v.householdId))
  );
}

/** Only the household concerned disputes a violation. */
export function canAppeal(actor: Actor, v: Violation): boolean {
  return isOfHousehold(actor, v.householdId);
}

/** The council answers every appeal in writing. */
export function canDecideAppeal(actor: Actor, v: Violation): boolean {
  return isCouncilOf(actor, v.associationId);
}

/**
 * Reads the association's whole 台账 as the ledger: the council, and the street office for
 * associations granted to it. Everyone who lists violations exports what they list
 * (`violationReaderOf`): a warden the association's, a household its own.
 */
export function canReadLedger(actor: Actor, associationId: string): boolean {
  return (
    isCouncilOf(actor, associationId) ||
    (isViewer(actor) && canReadAssociation(actor, associationId))
  );
}

/** Plates, addresses and appeal reasons stay with the association's council. */
export function seesLedgerDetails(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/** Persuasion and guidance are the wardens' daily work; the council may record too. */
export function canRecordPersuasion(actor: Actor, associationId: string): boolean {
  return isStaffOf(actor, associationId);
}

/** A persuasion record and its photos: the association's staff, and the household concerned. */
export function canReadPersuasion(
  actor: Actor,
  p: { associationId: string; householdId: string | null },
): boolean {
  return (
    canReadAssociation(actor, p.associationId) &&
    (isStaffOf(actor, p.associationId) || isOfHousehold(actor, p.householdId))
  );
}
