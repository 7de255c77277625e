import type { Actor } from '../auth/actor';
import { isResidentOf, isStaffOf, isWarden } from '../auth/policy';

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

/**
 * The scan ledger (扫码台账): whoever lists the association's scans (its council and wardens,
 * `canScan`) exports the same rows and fields. A household's own scans (`canReadOwnPermitScans`)
 * are a lookup of its permits on the phone, not the association's listing, and have no ledger.
 */
export function keepsScanLedger(actor: Actor): boolean {
  return canScan(actor);
}
