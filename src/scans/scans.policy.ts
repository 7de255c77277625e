import type { Actor } from '../auth/actor';
import { isStaffOf, isWarden } from '../auth/policy';

/** The association's council and wardens scan permits in its lanes and car parks. */
export function canScan(actor: Actor): boolean {
  return isStaffOf(actor, actor.associationId);
}

/** A warden's scan records whether they were on duty then; the council's does not. */
export function scanRecordsDuty(actor: Actor): boolean {
  return isWarden(actor);
}
