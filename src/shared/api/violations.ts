// What /api/violations answers, as the server returns it (times as Date); the council's and the
// household's screens read it as `Wire<…>` (src/shared/api/wire.ts). `ViolationView` in
// src/violations/violation.dto.ts implements it for OpenAPI. Types and the kinds' list only.
import type { PenaltyAction } from '../conventions/parameters';

export const VIOLATION_KINDS = [
  'no_permit',
  'wrong_space',
  'overstay',
  'blocking_passage',
  'no_parking_window',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export type AppealStatus = 'none' | 'pending' | 'upheld' | 'overturned';

/** A violation as its reader may see it: the plate masked unless staff or the household. */
export interface ViolationResponse {
  id: string;
  kind: ViolationKind;
  plate: string;
  householdId: string | null;
  place: string;
  occurredAt: Date;
  /** Which violation this is on the ladder. */
  step: number;
  action: PenaltyAction;
  articleNumber: number | null;
  /** "第八条" */
  article: string | null;
  /** The rule broken: the convention's article, or a lending unit's own terms. */
  rule: 'convention' | 'offer';
  /** For an overstay: the grace that applied (the offer's, or the convention's). */
  graceMinutes: number | null;
  suspendedUntil: Date | null;
  /** A permit was suspended through the permit lifecycle. */
  permitSuspended: boolean;
  appealStatus: AppealStatus;
  appealReason: string | null;
  appealNote: string | null;
  /** On reading one violation: its photo, a data URL. */
  photo?: string | null;
  /** On recording: the persuasion record kept with this step, if an outcome was given. */
  persuasionId?: string | null;
}

/** Violations of a month, by kind (the public board's figures). */
export interface ViolationStat {
  /** "2026-03" */
  month: string;
  kind: string;
  count: number;
}

/** What came of a persuasion (劝导); guidance to a free space is always `guided`. */
export const PERSUASION_OUTCOMES = [
  'moved',
  'promised',
  'refused',
  'owner_not_found',
  'notice_left',
] as const;
export type PersuasionOutcome = (typeof PERSUASION_OUTCOMES)[number];
export type RecordedOutcome = PersuasionOutcome | 'guided';
export type PersuasionKind = 'persuasion' | 'guidance';

/** A persuasion record or a one-tap guidance, as its reader may see it. */
export interface PersuasionResponse {
  id: string;
  kind: PersuasionKind;
  violationId: string | null;
  /** Masked unless staff or the household. */
  plate: string | null;
  place: string;
  note: string;
  outcome: RecordedOutcome;
  occurredAt: Date;
  /** GET /api/persuasions/{id}/photos/{photoId}: staff and the household only. */
  photoIds: string[];
}

/** Persuasions of a month, by outcome (the public board's figures). */
export interface MonthlyPersuasionCount {
  /** "2026-11" */
  month: string;
  outcome: RecordedOutcome;
  count: number;
}
