// What /api/permits (and its visitor passes, "please move" requests and revocation list)
// answers, as the server returns it (times as Date); the screens read it as `Wire<…>`
// (src/shared/api/wire.ts). The OpenAPI classes in src/permits/dto/permit.view.ts,
// visitor/visitor-pass.dto.ts and moves/move-request.dto.ts implement these. Types only.
import type { MoveAnswer } from '../live/permits';
import type { PermitStatus } from '../permits/status';
import type { PermitKind } from '../permits/token';
import type { Verdict, VerdictCause } from '../scans/verdict';

export type { MoveAnswer, PermitKind, PermitStatus };

export interface PermitResponse {
  id: string;
  /** Printed on the card; a warden may type it. */
  number: number;
  associationId: string;
  kind: PermitKind;
  vehicleId: string | null;
  householdId: string | null;
  /** Masked unless the reader needs it. */
  plate: string;
  laneId: string | null;
  carParkId: string | null;
  /** Now, by the server clock. */
  status: PermitStatus;
  validFrom: Date;
  validTo: Date;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  /** Due, in yuan. */
  feeCny: number;
  /** Paid so far: the sum of its payments in the ledger. */
  paidCny: number;
  feePaidAt: Date | null;
  note: string;
  /** A refused application: the council's written reasons, kept for the applicant. */
  refusalReason: string | null;
}

/** What happened to a permit, one event each, in its history and the permit ledger. */
export const PERMIT_EVENT_TYPES = [
  'applied',
  'approved',
  'rejected',
  'fee_paid',
  'issued',
  'renewed',
  'suspended',
  'reinstated',
  'revoked',
  'expired',
] as const;
export type PermitEventType = (typeof PERMIT_EVENT_TYPES)[number];

export interface PermitEventResponse {
  id: string;
  permitId: string;
  type: PermitEventType;
  /** null: the system. */
  actorMemberId: string | null;
  actorName: string | null;
  reason: string;
  at: Date;
}

export type RevocationState = 'revoked' | 'suspended' | 'reinstated';

/** One change to the revocation list a warden's phone keeps for scanning offline. */
export interface RevocationEntry {
  /** The permit number (the token's `p` claim). */
  number: number;
  state: RevocationState;
  /** For suspensions. */
  until: Date | null;
  at: Date;
}

export interface RevocationList {
  /** Send as `since` next time. */
  asOf: Date;
  since: Date | null;
  entries: RevocationEntry[];
}

export interface VisitorPassResponse {
  permit: PermitResponse;
  /** '/visit/<token>': shows the QR to the guest, no login. */
  guestUrl: string;
  usedThisMonth: number;
  quota: number;
}

/** "Please move" (挪车), as the asker or the asked holder sees it. */
export interface MoveRequestResponse {
  id: string;
  /** The holder's own plate; masked for the asker. */
  plate: string;
  note: string;
  /** Did I ask it (true) or am I asked (false)? */
  askedByMe: boolean;
  askedAt: Date;
  answer: MoveAnswer | null;
  answeredAt: Date | null;
  /** Asked by a windscreen notice: a plate the association does not know. */
  byNotice: boolean;
}

/** The printable windscreen notice (挪车提示): its public page and a QR leading there. */
export interface WindscreenNotice {
  /** The public page the driver opens. */
  url: string;
  /** data:image/svg+xml QR of the url, to print. */
  qr: string;
  expiresAt: Date;
}

/** What a passer-by's phone shows from the notice: no names, no phones, a masked plate. */
export interface PublicNotice {
  associationName: string;
  plate: string;
  note: string;
  askedAt: Date;
  expiresAt: Date;
  answer: MoveAnswer | null;
  answeredAt: Date | null;
}

/** A scan of one of the household's own permits (GET /api/scans/mine). */
export interface HolderScan {
  id: string;
  verdict: Verdict;
  cause: VerdictCause;
  /** The cause in the reader's language. */
  reason: string;
  permit: { number: number; kind: string; plate: string; validTo: Date };
  scannedAt: Date;
  laneName: string | null;
  /** At a unit's shared car park. */
  atCarPark: boolean;
  spaceLabel: string | null;
}
