import type { Actor } from '../auth/actor';
import { isCouncilOf, isResidentOf, isStaffOf, isWarden } from '../auth/policy';

/** The association's council and wardens scan permits in its lanes and car parks. */
export function canScan(actor: Actor): boolean {
  return isStaffOf(actor, actor.associationId);
}

/** A warden's scan records whether they were on duty then; the council's does not. */
export function scanRecordsDuty(actor: Actor): boolean {
  return isWarden(actor);
}

/**
 * A household reads the scans of its own permits: when, where and the verdict. Who scanned is
 * staff and stays unnamed: a resident has no need of the warden's identity (least privilege).
 */
export function canReadOwnPermitScans(actor: Actor): boolean {
  return isResidentOf(actor, actor.associationId) && actor.householdId !== null;
}

/** The scan ledger (扫码台账) is the council's: the wardens list scans, the council keeps them. */
export function keepsScanLedger(actor: Actor): boolean {
  return isCouncilOf(actor, actor.associationId);
}
