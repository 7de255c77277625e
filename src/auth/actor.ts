import type { Role } from './role';

/** Who is asking: read from the access token on every request and socket. */
export interface Actor {
  memberId: string;
  associationId: string;
  role: Role;
  householdId: string | null;
  residentUnitId: string | null;
  /** Associations this actor may read: their own, plus any granted to a viewer. */
  readableAssociationIds: string[];
}

// Transitional: the predicates live in policy.ts; import them from there.
export { canReadAssociation, isCouncil } from './policy';
