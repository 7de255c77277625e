import type { Actor } from '../auth/actor';
import {
  canReadAssociation,
  isCouncilOf,
  isOfHousehold,
  isResidentOf,
  isStaffOf,
  isViewer,
} from '../auth/policy';

// Who may do what with spaces, as named predicates built from src/auth/policy.ts. Services ask
// these; no role is compared anywhere else in the feature.

/** Wardens and the council of the association see plates on the map and in pushes. */
export function canSeePlates(actor: Actor, associationId: string): boolean {
  return isStaffOf(actor, associationId);
}

/** Wardens and the council check any car in or out, wherever they stand. */
export function canRecordAnyCar(actor: Actor, associationId: string): boolean {
  return isStaffOf(actor, associationId);
}

/** A resident checks their own household's car in at the QR sticker of a space, or out again. */
export function mayRecordOwnCar(actor: Actor, associationId: string): boolean {
  return isResidentOf(actor, associationId);
}

/** The car parked here is the actor's household's. */
export function isOwnCar(actor: Actor, occupantHouseholdId: string | null): boolean {
  return isOfHousehold(actor, occupantHouseholdId);
}

/** Painting, moving, closing spaces; lane segments; restrictions; answering objections. */
export function canChangeLayout(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/**
 * The sticker sheet holds every space's sticker token, which lets a resident check in without
 * standing at the space: only the council, who paints and fixes the stickers, prints it.
 */
export function canPrintStickers(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/**
 * The occupancy ledger (停车台账) is the council's register; a street-office viewer granted the
 * association reads it with plates masked. Wardens record sessions but need no export of them.
 */
export function ledgerAccess(actor: Actor, associationId: string): 'full' | 'masked' | null {
  if (isCouncilOf(actor, associationId)) return 'full';
  if (isViewer(actor) && canReadAssociation(actor, associationId)) return 'masked';
  return null;
}

/** The council reads every objection to a space; a household reads its own. */
export function canReadAllObjections(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/** Only a resident of a household the space faces may object to it. */
export function mayObject(actor: Actor, associationId: string, faces: boolean): boolean {
  return faces && isResidentOf(actor, associationId);
}

/** A resident reads the newly painted spaces that face their own household (公示). */
export function canReadConsentNotices(actor: Actor, associationId: string): boolean {
  return isResidentOf(actor, associationId) && !!actor.householdId;
}
