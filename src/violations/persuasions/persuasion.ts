// A persuasion (劝导) as the service works with it; persuasion.repository.ts maps it to its row.

import type { PersuasionKind, RecordedOutcome } from '../../shared/api/violations';

export {
  PERSUASION_OUTCOMES,
  type PersuasionKind,
  type PersuasionOutcome,
  type RecordedOutcome,
} from '../../shared/api/violations';

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
