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

export function canReadAssociation(actor: Actor, associationId: string): boolean {
  return actor.readableAssociationIds.includes(associationId);
}

export function isCouncil(actor: Actor): boolean {
  return actor.role === 'admin';
}
