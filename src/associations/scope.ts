import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { DomainError } from '../common/domain-error';

/** The association a list request reads: the caller's own unless a viewer names another granted one. */
export function associationToRead(actor: Actor, requested?: string): string {
  const associationId = requested ?? actor.associationId;
  if (!canReadAssociation(actor, associationId)) {
    throw DomainError.notFound('association', associationId);
  }
  return associationId;
}

export { assertCouncilOf } from '../auth/policy';
