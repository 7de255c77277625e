// A violation as the service works with it; violation.repository.ts maps it to its row.
import type { PenaltyAction } from '../conventions/convention-parameters';

import type { AppealStatus, ViolationKind } from '../shared/api/violations';

export { type AppealStatus, VIOLATION_KINDS, type ViolationKind } from '../shared/api/violations';

/** A violation a warden recorded, the ladder step it reached, and its appeal. */
export interface Violation {
  id: string;
  associationId: string;
  /** The convention version in force when it happened (null under the default rules). */
  versionId: string | null;
  articleNumber: number | null;
  /**
   * The rule broken: the convention's (its article), or a lending unit's own terms (an overstay
   * under the offer's grace: no article, the offer's minutes).
   */
  citedRule: 'convention' | 'offer';
  /** For an overstay: the grace that applied, in minutes. */
  graceMinutes: number | null;
  kind: ViolationKind;
  plate: string;
  vehicleId: string | null;
  householdId: string | null;
  place: string;
  occurredAt: Date;
  /** Read only when asked for: a data URL of up to 200,000 characters. */
  photo?: string | null;
  recordedBy: string | null;
  /** Whether the recording warden was signed in on a shift; null when no warden recorded it. */
  recorderOnDuty: boolean | null;
  step: number;
  action: PenaltyAction;
  suspendedUntil: Date | null;
  /** The permit the ladder suspended, if it did. */
  permitId: string | null;
  /** Set on recording when the step keeps a persuasion record (what was said, the outcome). */
  persuasionId?: string;
  appealStatus: AppealStatus;
  appealReason: string | null;
  appealNote: string | null;
  appealDecidedBy: string | null;
  appealDecidedAt: Date | null;
  createdAt: Date;
}

export type NewViolation = Omit<
  Violation,
  | 'id'
  | 'permitId'
  | 'persuasionId'
  | 'appealStatus'
  | 'appealReason'
  | 'appealNote'
  | 'appealDecidedBy'
  | 'appealDecidedAt'
  | 'createdAt'
>;
