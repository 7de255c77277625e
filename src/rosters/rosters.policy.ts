import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { canReadAssociation, isCouncilOf, isStaffOf, isViewer, isWarden } from '../auth/policy';
import type { RulesInForce } from '../conventions/convention-parameters';
import type { DutyPerson } from './duty-people.repository';
import type { ShiftKind } from './generation';
import type { ShiftAssignment } from './shift-assignment.repository';
import type { ShiftSwap } from './shift-swap.repository';

// Who may do what with the roster. The only place in rosters that compares roles.

/** The council plans: templates, requirements, shifts, who is on them. */
export function canManageRoster(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/**
 * The roster (值班表) and its hours ledger: whoever lists the shifts (the council, the wardens,
 * viewers granted the association) exports them, the same shifts and people. Residents read who
 * is on duty now, not the roster, and export neither.
 */
export function canExportRoster(actor: Actor, associationId: string): boolean {
  return (
    canReadAssociation(actor, associationId) && (isStaffOf(actor, associationId) || isViewer(actor))
  );
}

/** One's own shift, or anyone's for the council. */
export function canDropAssignment(actor: Actor, assignment: ShiftAssignment): boolean {
  return assignment.memberId === actor.memberId || isCouncilOf(actor, assignment.associationId);
}

/** Someone on the shift leaves a note for the next; so may the council. */
export function canWriteHandoverNote(
  actor: Actor,
  associationId: string,
  onTheShift: boolean,
): boolean {
  return onTheShift || isCouncilOf(actor, associationId);
}

/** Staff read every note of their association; a volunteer those of their own shift. */
export function canReadHandoverNotes(
  actor: Actor,
  associationId: string,
  onTheShift: boolean,
): boolean {
  return onTheShift || isStaffOf(actor, associationId);
}

/** Warden shifts need a hired warden (or the council); patrols take volunteers too. */
export function canServe(person: DutyPerson, kind: ShiftKind): boolean {
  const staff = person.role === 'warden' || person.role === 'admin';
  return kind === 'warden' ? staff : staff || person.volunteer;
}

/** Hired wardens are dealt the wardens' rotation; everyone else who volunteers, the patrols. */
export function isHiredWarden(person: Pick<DutyPerson, 'role'>): boolean {
  return person.role === 'warden';
}

export function canOfferSwap(actor: Actor, assignment: ShiftAssignment): boolean {
  return assignment.memberId === actor.memberId;
}

export function canCancelSwap(actor: Actor, swap: ShiftSwap): boolean {
  return swap.offeredBy === actor.memberId;
}

/** Swaps are for the association's own people (a granted viewer does not see them). */
export function canSeeSwap(actor: Actor, swap: ShiftSwap): boolean {
  return swap.associationId === actor.associationId;
}

/**
 * A swap between two wardens goes through without the council when the convention says so
 * (parameter wardenSwapsWithoutApproval, article 5 of the demo convention).
 */
export function swapNeedsNoCouncil(rules: RulesInForce, swap: ShiftSwap, taker: Actor): boolean {
  return (
    rules.parameters.wardenSwapsWithoutApproval &&
    swap.offeredByRole === 'warden' &&
    isWarden(taker)
  );
}

/** Refuses anyone but the association's council (403). */
export function assertCanManageRoster(actor: Actor, associationId: string): void {
  if (!canManageRoster(actor, associationId)) throw new DomainError('council.only');
}
