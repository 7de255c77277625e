// Who may see or change which car park, offer, booking. Checked on the object, not just the role.
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import type { Noun } from '../shared/reasons';

interface UnitOwned {
  associationId: string;
  residentUnitId: string;
}

/** Staff of this very unit. */
export function isStaffOf(actor: Actor, owned: UnitOwned): boolean {
  return actor.role === 'unit' && actor.residentUnitId === owned.residentUnitId;
}

/** The association's council, wardens and viewers read their units' car parks and offers. */
export function isAssociationReader(actor: Actor, owned: UnitOwned): boolean {
  return (
    (actor.role === 'admin' || actor.role === 'warden' || actor.role === 'viewer') &&
    canReadAssociation(actor, owned.associationId)
  );
}

/** A resident may read an offer their association is eligible for. */
export function isEligibleReader(actor: Actor, offer: { eligibleAssociationIds: string[] }) {
  return actor.role === 'resident' && offer.eligibleAssociationIds.includes(actor.associationId);
}

/** Only the unit's own staff change its car parks and offers; others get 404 or 403. */
export function assertUnitStaff(actor: Actor, owned: UnitOwned, what: Noun, id: string): void {
  if (isStaffOf(actor, owned)) return;
  if (isAssociationReader(actor, owned))
    throw DomainError.forbidden('仅该驻区单位可操作 / only the unit itself may change this');
  throw DomainError.notFound(what, id);
}

/** Admitting a batch: the unit's staff or the association's council. */
export function assertUnitOrCouncil(actor: Actor, owned: UnitOwned, what: Noun, id: string) {
  if (isStaffOf(actor, owned)) return;
  if (actor.role === 'admin' && actor.associationId === owned.associationId) return;
  if (isAssociationReader(actor, owned)) throw DomainError.forbidden();
  throw DomainError.notFound(what, id);
}
