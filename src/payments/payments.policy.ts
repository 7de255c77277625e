import type { Actor } from '../auth/actor';
import { isCouncilOf } from '../auth/policy';

/** The council keeps the association's accounts: it records fees and reads their ledger. */
export function keepsAccountsOf(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}
