import { DomainError } from '../common/domain-error';
import type { Actor } from './actor';

// Who may do what, as named predicates. The only place (with each feature's `<feature>.policy.ts`,
// built from these) that compares roles: services ask `isCouncilOf(actor, permit.associationId)`,
// never `actor.role === 'admin'`. The access-matrix test walks the same predicates.

/** Reads the association's data: its own members, and viewers granted it. */
export function canReadAssociation(actor: Actor, associationId: string): boolean {
  return actor.readableAssociationIds.includes(associationId);
}

/** The association's council (理事会): registers, approves, amends. */
export function isCouncilOf(actor: Actor, associationId: string): boolean {
  return actor.role === 'admin' && actor.associationId === associationId;
}

/** A red-armband warden of the association. */
export function isWardenOf(actor: Actor, associationId: string): boolean {
  return actor.role === 'warden' && actor.associationId === associationId;
}

/** The association's staff, who see plates: its council and its wardens. */
export function isStaffOf(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId) || isWardenOf(actor, associationId);
}

/** A resident (car owner or not) of the association. */
export function isResidentOf(actor: Actor, associationId: string): boolean {
  return actor.role === 'resident' && actor.associationId === associationId;
}

/** A member of this very household (any role: a council member lives somewhere too). */
export function isOfHousehold(actor: Actor, householdId: string | null | undefined): boolean {
  return !!householdId && actor.householdId === householdId;
}

/** Staff of this resident unit (驻区单位). */
export function isStaffOfUnit(actor: Actor, residentUnitId: string | null | undefined): boolean {
  return actor.role === 'unit' && !!residentUnitId && actor.residentUnitId === residentUnitId;
}

/** Someone who works for a resident unit, whichever. */
export function isUnitStaff(actor: Actor): boolean {
  return actor.role === 'unit';
}

/** Street-office staff reading what councils granted them; never changes anything. */
export function isViewer(actor: Actor): boolean {
  return actor.role === 'viewer';
}

/** Street-office staff (街道) of this street: onboards its associations, reads their aggregates. */
export function isStreetStaffOf(actor: Actor, streetOffice: string): boolean {
  return actor.role === 'street' && !!actor.streetOffice && actor.streetOffice === streetOffice;
}

/** Street-office staff of whichever street. */
export function isStreetStaff(actor: Actor): boolean {
  return actor.role === 'street' && !!actor.streetOffice;
}

export function isResident(actor: Actor): boolean {
  return actor.role === 'resident';
}

export function isWarden(actor: Actor): boolean {
  return actor.role === 'warden';
}

export function isCouncil(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Refuses anyone but the association's council (403). */
export function assertCouncilOf(actor: Actor, associationId: string): void {
  if (!isCouncilOf(actor, associationId)) throw new DomainError('council.only');
}
