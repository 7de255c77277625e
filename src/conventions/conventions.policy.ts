// Who may do what with the convention, as named predicates built from src/auth/policy.ts.
import type { Actor } from '../auth/actor';
import { canReadAssociation, isCouncilOf, isResidentOf, isStaffOf } from '../auth/policy';
import type { ConventionVersion } from './convention-version';

/** Drafts are the council's working papers until their comment period opens. */
export function canSeeDrafts(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/** A version past its draft is read by anyone who reads the association. */
export function canReadVersion(actor: Actor, version: ConventionVersion): boolean {
  return (
    canReadAssociation(actor, version.associationId) &&
    (version.status !== 'draft' || canSeeDrafts(actor, version.associationId))
  );
}

/** The council drafts, amends and runs the vote. */
export function canAmend(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/** Members of the association comment: its council, wardens and residents (not viewers, units). */
export function canComment(actor: Actor, version: ConventionVersion): boolean {
  return isStaffOf(actor, version.associationId) || isResidentOf(actor, version.associationId);
}

/** Every comment gets a written answer, from the council. */
export function canReplyToComment(actor: Actor, version: ConventionVersion): boolean {
  return isCouncilOf(actor, version.associationId);
}

/** Comments are signed and read within the association only. */
export function canReadComments(actor: Actor, version: ConventionVersion): boolean {
  return actor.associationId === version.associationId;
}

/** A member of one of the association's households votes for it (or for themself). */
export function canVote(actor: Actor, version: ConventionVersion): boolean {
  return actor.associationId === version.associationId && actor.householdId !== null;
}
