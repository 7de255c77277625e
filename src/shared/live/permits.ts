// Live events of the permits feature (pure types, no code).

/** A permit's status as its household sees it now. */
export type PermitLiveStatus =
  'pending' | 'rejected' | 'scheduled' | 'active' | 'suspended' | 'expired' | 'revoked';

/** `permit.updated`, to the permit's household and the council: a lifecycle step was taken. */
export interface PermitUpdatedPayload {
  id: string;
  number: number;
  status: PermitLiveStatus;
}

export const MOVE_ANSWERS = ['coming', 'in_ten_minutes', 'cannot'] as const;
export type MoveAnswer = (typeof MOVE_ANSWERS)[number];

/** `move.requested` (to the holder) and `move.answered` (to the asker): one 挪车 request. */
export interface MoveRequestPayload {
  id: string;
  /** In full for the holder (their own car), masked for the asker. */
  plate: string;
  note: string;
  /** Did the receiver ask it (true) or are they asked (false)? */
  askedByMe: boolean;
  askedAt: string;
  answer: MoveAnswer | null;
  answeredAt: string | null;
  /** Asked by a windscreen notice (挪车提示): a car the association does not know. */
  byNotice: boolean;
}

/** Live events of the permits feature: event name → (payload) => void. */
export interface PermitsLiveEvents {
  'permit.updated': (payload: PermitUpdatedPayload) => void;
  'move.requested': (payload: MoveRequestPayload) => void;
  'move.answered': (payload: MoveRequestPayload) => void;
}
