// Finding a version the actor may see or change: one place for the convention's services.
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import type { ConventionVersion } from './convention-version';
import type { ConventionVersionRepository } from './convention-version.repository';
import { canAmend, canReadVersion } from './conventions.policy';

/** A version the actor may read: drafts only for their own council; others' ids are 404. */
export async function readableVersion(
  versions: ConventionVersionRepository,
  actor: Actor,
  id: string,
  tx?: Tx,
  lock?: 'share' | 'update',
): Promise<ConventionVersion> {
  const version = await versions.findById(id, tx, lock);
  if (!version || !canReadVersion(actor, version)) {
    throw DomainError.notFound('convention version', id);
  }
  return version;
}

/** A version of the actor's own association that its council is about to change (row locked). */
export async function councilVersion(
  versions: ConventionVersionRepository,
  actor: Actor,
  id: string,
  tx: Tx,
): Promise<ConventionVersion> {
  if (!canAmend(actor, actor.associationId)) throw new DomainError('council.only');
  const version = await versions.findById(id, tx, 'update');
  if (!version || version.associationId !== actor.associationId) {
    throw DomainError.notFound('convention version', id);
  }
  return version;
}
