// The API shapes of the wardens' daily work, as the client reads them.
export const PERSUASION_OUTCOMES = [
  'moved',
  'promised',
  'refused',
  'owner_not_found',
  'notice_left',
] as const;
export type PersuasionOutcome = (typeof PERSUASION_OUTCOMES)[number];

export interface Persuasion {
  id: string;
  kind: 'persuasion' | 'guidance';
  violationId: string | null;
  plate: string | null;
  place: string;
  note: string;
  outcome: PersuasionOutcome | 'guided';
  occurredAt: string;
  photoIds: string[];
}

export interface WindscreenNotice {
  url: string;
  /** data:image/svg+xml QR of the url */
  qr: string;
  expiresAt: string;
}

export type MoveAnswer = 'coming' | 'in_ten_minutes' | 'cannot';
export const MOVE_ANSWERS: readonly MoveAnswer[] = ['coming', 'in_ten_minutes', 'cannot'];

export interface PublicNotice {
  associationName: string;
  plate: string;
  note: string;
  askedAt: string;
  expiresAt: string;
  answer: MoveAnswer | null;
  answeredAt: string | null;
}

/** "2026-03-05 18:40" in Asia/Shanghai. */
export function beijingMinute(iso: string): string {
  return new Date(iso)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16);
}

/** "2026-03-05" in Asia/Shanghai. */
export function beijingDay(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
