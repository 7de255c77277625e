// Who may see or change a convention version: one place for both services.
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation, isCouncil } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import { ConventionVersion } from './convention-version.entity';

/** A version the actor may read: drafts only for their own council; others' ids are 404. */
export async function readableVersion(
  em: EntityManager,
  actor: Actor,
  id: string,
  lock?: 'pessimistic_read' | 'pessimistic_write',
): Promise<ConventionVersion> {
  const version = await em
    .getRepository(ConventionVersion)
    .findOne({ where: { id }, lock: lock ? { mode: lock } : undefined });
  const visible =
    version &&
    canReadAssociation(actor, version.associationId) &&
    (version.status !== 'draft' ||
      (isCouncil(actor) && actor.associationId === version.associationId));
  if (!visible) throw DomainError.notFound('convention version', id);
  return version;
}

/** A version of the actor's own association that the council is about to change (row locked). */
export async function councilVersion(
  em: EntityManager,
  actor: Actor,
  id: string,
  lock = true,
): Promise<ConventionVersion> {
  assertCouncilOf(actor, actor.associationId);
  const version = await em.getRepository(ConventionVersion).findOne({
    where: { id, associationId: actor.associationId },
    lock: lock ? { mode: 'pessimistic_write' } : undefined,
  });
  if (!version) throw DomainError.notFound('convention version', id);
  return version;
}
