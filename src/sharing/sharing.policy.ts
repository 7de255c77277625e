// Who may see or change which car park, offer, booking and standing allocation: named predicates
// built from src/auth/policy.ts, checked on the object, not just the role. Objects of another
// unit or association answer 404 (an id from elsewhere reveals nothing); a reader who may not
// change gets 403.
import type { Actor } from '../auth/actor';
import {
  canReadAssociation,
  isCouncil,
  isCouncilOf,
  isOfHousehold,
  isResident,
  isStaffOf,
  isStaffOfUnit,
  isUnitStaff,
  isViewer,
  isWarden,
} from '../auth/policy';
import { DomainError } from '../common/domain-error';
import type { Noun } from '../shared/reasons';

/** A car park or offer: lent by one unit, in one association. */
export interface UnitOwned {
  associationId: string;
  residentUnitId: string;
}

/** Which car parks and offers an actor lists. */
export type SharingScope =
  | { kind: 'unit'; residentUnitId: string | null }
  | { kind: 'eligible'; associationId: string }
  | { kind: 'associations'; associationIds: string[] };

export function sharingScopeOf(actor: Actor): SharingScope {
  if (isUnitStaff(actor)) return { kind: 'unit', residentUnitId: actor.residentUnitId };
  if (isResident(actor)) return { kind: 'eligible', associationId: actor.associationId };
  return { kind: 'associations', associationIds: actor.readableAssociationIds };
}

/** Staff of the very unit that lends it. */
export function isLenderOf(actor: Actor, owned: UnitOwned): boolean {
  return isStaffOfUnit(actor, owned.residentUnitId);
}

/** The association's council, wardens and granted viewers read its units' car parks and offers. */
export function isAssociationReader(actor: Actor, owned: UnitOwned): boolean {
  return (
    (isCouncil(actor) || isWarden(actor) || isViewer(actor)) &&
    canReadAssociation(actor, owned.associationId)
  );
}

/** A resident whose association the offer is open to. */
export function isEligibleReader(actor: Actor, offer: { eligibleAssociationIds: string[] }) {
  return isResident(actor) && offer.eligibleAssociationIds.includes(actor.associationId);
}

export function canReadOffer(
  actor: Actor,
  offer: UnitOwned & { eligibleAssociationIds: string[] },
): boolean {
  return (
    isLenderOf(actor, offer) || isAssociationReader(actor, offer) || isEligibleReader(actor, offer)
  );
}

/** Only the unit's own staff change its car parks and offers; readers get 403, others 404. */
export function assertLender(actor: Actor, owned: UnitOwned, what: Noun, id: string): void {
  if (isLenderOf(actor, owned)) return;
  if (isAssociationReader(actor, owned)) throw new DomainError('offer.unit_only');
  throw DomainError.notFound(what, id);
}

/** Admitting or ending standing places: the unit's staff or the association's council. */
export function assertLenderOrCouncil(actor: Actor, owned: UnitOwned, what: Noun, id: string) {
  if (isLenderOf(actor, owned) || isCouncilOf(actor, owned.associationId)) return;
  if (isAssociationReader(actor, owned)) throw new DomainError('forbidden');
  throw DomainError.notFound(what, id);
}

/** Registers car parks: staff of a resident unit. */
export function canAddCarPark(actor: Actor): actor is Actor & { residentUnitId: string } {
  return isUnitStaff(actor) && !!actor.residentUnitId;
}

/** A night's bookings with plates: the lending unit, the association's council and wardens. */
export function canReadCarParkBookings(actor: Actor, park: UnitOwned): boolean {
  return isLenderOf(actor, park) || isStaffOf(actor, park.associationId);
}

/** Books nights and registers for standing places: residents. */
export function canBook(actor: Actor): boolean {
  return isResident(actor);
}

/** A booking or allocation and who holds it. */
export interface HeldPlace {
  householdId: string;
  associationId: string;
  residentUnitId: string;
}

/** The household that holds it. */
export function isHolderOf(actor: Actor, place: HeldPlace): boolean {
  return isResident(actor) && isOfHousehold(actor, place.householdId);
}

/** Residents their household's; unit staff their car parks'; council and wardens their association's. */
export function canReadBooking(actor: Actor, booking: HeldPlace): boolean {
  return (
    isHolderOf(actor, booking) ||
    isStaffOfUnit(actor, booking.residentUnitId) ||
    isStaffOf(actor, booking.associationId)
  );
}

/** Cancels a booking, or records arrival and departure: its household or the unit's gate. */
export function canHandleBooking(actor: Actor, booking: HeldPlace): boolean {
  return isHolderOf(actor, booking) || isStaffOfUnit(actor, booking.residentUnitId);
}

/** Residents their household's; unit staff their offers'; the council its association's. */
export function canReadAllocation(actor: Actor, allocation: HeldPlace): boolean {
  return (
    isHolderOf(actor, allocation) ||
    isStaffOfUnit(actor, allocation.residentUnitId) ||
    isCouncilOf(actor, allocation.associationId)
  );
}

/**
 * A registration's priority tier (a disability, a great age): the council of its association
 * marks it, and only the council and the household itself read it; the draw shows tiers by
 * registration id, never with a plate or a name.
 */
export function canMarkPriority(actor: Actor, allocation: HeldPlace): boolean {
  return isCouncilOf(actor, allocation.associationId);
}

export function canReadPriority(actor: Actor, allocation: HeldPlace): boolean {
  return canMarkPriority(actor, allocation) || isHolderOf(actor, allocation);
}

/** Plates of a booking or allocation: the unit's staff (at the gate), else the usual rule. */
export function isLendingUnitOf(actor: Actor, place: { residentUnitId: string }): boolean {
  return isStaffOfUnit(actor, place.residentUnitId);
}

/** The official holiday calendar is corrected by a council. */
export function canReplaceHolidayCalendar(actor: Actor): boolean {
  return isCouncil(actor);
}
