// Who registers resident units (驻区单位), their agreements (协议) and staff accounts: the street
// office of the association's street, or the association's own council. Anyone else sees none
// of it: another street's or association's unit is not found (404), not forbidden.
import type { Actor } from '../../auth/actor';
import {
  isCouncil,
  isCouncilOf,
  isStaffOfUnit,
  isStreetStaff,
  isStreetStaffOf,
} from '../../auth/policy';

/** Street-office staff or a council member: the only ones who register units at all. */
export function canRegisterUnits(actor: Actor): boolean {
  return isStreetStaff(actor) || isCouncil(actor);
}

/** Registers and changes the units of this association: its street office or its council. */
export function mayManageUnitsOf(
  actor: Actor,
  association: { id: string; streetOffice: string },
): boolean {
  return isStreetStaffOf(actor, association.streetOffice) || isCouncilOf(actor, association.id);
}

/** Street staff work across their street's associations; a council only in its own. */
export function actsForStreet(actor: Actor): boolean {
  return isStreetStaff(actor);
}

/**
 * A unit's own staff read their unit and every version of the agreement it signed (what they
 * lend, when, at whose risk), never other units'.
 */
export function readsOwnUnit(actor: Actor): actor is Actor & { residentUnitId: string } {
  return actor.residentUnitId !== null && isStaffOfUnit(actor, actor.residentUnitId);
}
