// A persuasion (劝导) as the service works with it; persuasion.repository.ts maps it to its row.

/** What came of a persuasion; guidance to a free space is always `guided`. */
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

export interface Persuasion {
  id: string;
  associationId: string;
  /** The violation step it belongs to; null for persuasion without a violation and guidance. */
  violationId: string | null;
  kind: PersuasionKind;
  plate: string | null;
  householdId: string | null;
  place: string;
  note: string;
  outcome: RecordedOutcome;
  recordedBy: string | null;
  recorderOnDuty: boolean | null;
  occurredAt: Date;
  /** Ids of its photos, in the order taken. */
  photoIds: string[];
}

export type NewPersuasion = Omit<Persuasion, 'id' | 'photoIds'>;
