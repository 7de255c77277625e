import type { Actor } from '../auth/actor';
import type { PermitKind } from './permit-token';
import type { StoredStatus } from './permit-status';

/** 停车证: bound to one plate; its status at a moment is computed by statusAt(). */
export interface Permit {
  id: string;
  /** Printed on the card, carried in the QR, typed by hand by a warden. */
  number: number;
  associationId: string;
  kind: PermitKind;
  vehicleId: string | null;
  householdId: string | null;
  plate: string;
  laneId: string | null;
  /** A resident unit's car park (off-peak feature); no foreign key, see the migration. */
  carParkId: string | null;
  status: StoredStatus;
  validFrom: Date;
  validTo: Date;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  /** Due for the permit (the convention's fee; a shared permit's offer fee), in yuan. */
  feeCny: number;
  /** The sum of the payments recorded on it (the payment ledger). */
  paidCny: number;
  /** When the payments first covered the fee. */
  feePaidAt: Date | null;
  /** The key that signed its QR token, once signed. */
  tokenKid: string | null;
  appliedBy: string | null;
  note: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A permit as read at one row version (PostgreSQL's `xmin`, which every UPDATE changes): a
 * statement can then require the row to be still that version (`permitUnchangedSql`).
 */
export interface VersionedPermit {
  permit: Permit;
  version: string;
}

/** What a new permit is made of; number, timestamps and token come from the database. */
export interface NewPermit {
  associationId: string;
  kind: PermitKind;
  vehicleId: string | null;
  householdId: string | null;
  plate: string;
  laneId?: string | null;
  carParkId?: string | null;
  status: StoredStatus;
  validFrom: Date;
  validTo: Date;
  feeCny?: number;
  guestToken?: string | null;
  appliedBy: string | null;
  note?: string;
  at: Date;
}

/** The fields a lifecycle step may change. */
export type PermitChange = Partial<
  Pick<
    Permit,
    | 'status'
    | 'validFrom'
    | 'validTo'
    | 'suspendedUntil'
    | 'suspensionReason'
    | 'feePaidAt'
    | 'paidCny'
  >
> & { forgetToken?: boolean };

/** Who changes a permit: a member, or the system (e.g. the convention's penalty ladder). */
export type PermitActor = Actor | 'system';
