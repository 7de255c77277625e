// Who may ask for, read and decide residents' vehicle change requests.
import type { Actor } from '../auth/actor';
import { isCouncilOf, isOfHousehold, isResidentOf } from '../auth/policy';

interface ChangeLike {
  associationId: string;
  householdId: string;
}

/** A resident asks for their own household's cars; the council registers directly. */
export function canRequestVehicleChange(actor: Actor): boolean {
  return isResidentOf(actor, actor.associationId);
}

/** The household that asked, and the council that decides; nobody else (wardens need none). */
export function canReadVehicleChange(actor: Actor, change: ChangeLike): boolean {
  return (
    isCouncilOf(actor, change.associationId) ||
    (isResidentOf(actor, change.associationId) && isOfHousehold(actor, change.householdId))
  );
}

export function canDecideVehicleChange(actor: Actor, change: ChangeLike): boolean {
  return isCouncilOf(actor, change.associationId);
}

/** Which requests a list holds: the association's for the council, the household's for a resident. */
export function vehicleChangeListScope(actor: Actor): 'association' | 'household' | null {
  if (isCouncilOf(actor, actor.associationId)) return 'association';
  if (isResidentOf(actor, actor.associationId)) return 'household';
  return null;
}
