// Live events of the violations feature, pushed to the household concerned.
// Pure types: the server's listener emits them, the web client receives them. Times are ISO.

/** A written notice (书面告知) or a suspension, as the household reads it: its own plate in full. */
export interface ViolationRecordedPayload {
  id: string;
  kind: string;
  plate: string;
  householdId: string | null;
  place: string;
  occurredAt: string;
  /** Which violation this is on the convention's ladder. */
  step: number;
  action: 'persuasion' | 'notice' | 'suspension';
  articleNumber: number | null;
  /** "第六条" */
  article: string | null;
  suspendedUntil: string | null;
  permitSuspended: boolean;
  appealStatus: string;
  appealReason: string | null;
  appealNote: string | null;
}

/** The council's written answer to the household's appeal. */
export interface ViolationAppealDecidedPayload {
  id: string;
  appealStatus: 'upheld' | 'overturned';
  appealNote: string;
}

/** Event name → (payload) => void. */
export interface ViolationsLiveEvents {
  'violation.recorded': (payload: ViolationRecordedPayload) => void;
  'violation.appealDecided': (payload: ViolationAppealDecidedPayload) => void;
}
