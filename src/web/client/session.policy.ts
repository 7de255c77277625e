import type { Session } from './session';

// What a screen offers follows the same named predicates as the server (src/auth/policy.ts): the
// server still refuses on its own; these only decide what to show.

/** The association's council (admin role): decides appeals, exports ledgers. */
export function isCouncil(session: Session | null | undefined): boolean {
  return session?.member.role === 'admin';
}

/** A resident of a household: reminded when their car must leave a space. */
export function isResident(session: Session | null | undefined): boolean {
  return session?.member.role === 'resident';
}

/** Giving someone the council's role hands over every household, permit and draft: asked twice. */
export function grantsCouncil(changes: { role?: string }): boolean {
  return changes.role === 'admin';
}
