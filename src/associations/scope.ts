import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { DomainError } from '../common/domain-error';

/** The association a list request reads: the caller's own unless a viewer names another granted one. */
export function associationToRead(actor: Actor, requested?: string): string {
  const associationId = requested ?? actor.associationId;
  if (!canReadAssociation(actor, associationId)) {
    throw DomainError.notFound('association', associationId);
  }
  return associationId;
}

export function assertCouncilOf(actor: Actor, associationId: string): void {
  if (actor.role !== 'admin' || actor.associationId !== associationId) {
    throw DomainError.forbidden('仅车友会理事会可操作 / only the association council may do this');
  }
}
