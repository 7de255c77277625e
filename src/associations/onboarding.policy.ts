// Who may bring a new association into the service: the street office (街道) whose street it is
// in. The council then runs it; the street never changes an association's members or data.
import type { Actor } from '../auth/actor';
import { isStreetStaff, isStreetStaffOf } from '../auth/policy';

/** Founds an association in the actor's own street. */
export function canOnboardAssociation(actor: Actor): boolean {
  return isStreetStaff(actor);
}

/** Reads an association's aggregates and adds its first council: its street's staff. */
export function isStreetOf(actor: Actor, association: { streetOffice: string }): boolean {
  return isStreetStaffOf(actor, association.streetOffice);
}
