import type { Role } from './role';

/**
 * The association id of street-office staff, who belong to none: a nil UUID, so that every
 * comparison with a real association fails and every query by it finds nothing.
 */
export const NO_ASSOCIATION = '00000000-0000-0000-0000-000000000000';

/** Who is asking: read from the access token on every request and socket. */
export interface Actor {
  memberId: string;
  associationId: string;
  role: Role;
  householdId: string | null;
  residentUnitId: string | null;
  /** Associations this actor may read: their own, plus any granted to a viewer. */
  readableAssociationIds: string[];
  /** Street-office staff (街道): the street whose associations they oversee. */
  streetOffice?: string | null;
}

// Transitional: the predicates live in policy.ts; import them from there.
export { canReadAssociation, isCouncil } from './policy';
