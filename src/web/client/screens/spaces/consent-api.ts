import { apiFetch } from '../../api';

// What neighbour consent asks of the API (src/spaces/layout.controller.ts, consent.dto.ts).

export interface Objection {
  id: string;
  spaceId: string;
  householdId: string;
  reason: string;
  raisedAt: string;
  decision: 'upheld' | 'dismissed' | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

/** GET /api/objections/open: a space on notice in front of the reader's household. */
export interface ConsentNotice {
  spaceId: string;
  code: string;
  laneId: string;
  laneName: string;
  near: string | null;
  objectionUntil: string;
  objection: Objection | null;
}

export type ConsentStatus = 'in_notice' | 'awaiting_answers' | 'live' | 'withdrawn';

/** GET /api/lanes/:id/consents, for the council. */
export interface ConsentCase {
  spaceId: string;
  code: string;
  objectionUntil: string | null;
  status: ConsentStatus;
  facing: { householdId: string; address: string }[];
  objections: (Objection & { householdAddress: string })[];
}

export type SizeClass = 'small' | 'standard' | 'large';
export const SIZE_CLASSES: readonly SizeClass[] = ['small', 'standard', 'large'];

export interface NewSpace {
  code: string;
  x: number;
  y: number;
  sizeClass: SizeClass;
  facingHouseholdIds: string[];
  objectionDays: number;
}

export const openNotices = () => apiFetch<ConsentNotice[]>('/api/objections/open');

export const raiseObjection = (spaceId: string, reason: string) =>
  apiFetch<Objection>(`/api/spaces/${spaceId}/objections`, { method: 'POST', body: { reason } });

export const laneConsents = (laneId: string) =>
  apiFetch<ConsentCase[]>(`/api/lanes/${laneId}/consents`);

export const decideObjection = (
  spaceId: string,
  objectionId: string,
  decision: 'upheld' | 'dismissed',
  reason: string,
) =>
  apiFetch<Objection>(`/api/spaces/${spaceId}/objections/${objectionId}/decision`, {
    method: 'POST',
    body: { decision, reason },
  });

export const paintSpace = (laneId: string, space: NewSpace) =>
  apiFetch<{ id: string; code: string; consent: 'pending' | 'approved' }>(
    `/api/lanes/${laneId}/spaces`,
    { method: 'POST', body: space },
  );
