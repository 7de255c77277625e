// The API shapes of the wardens' daily work, as the client reads them.
import type {
  MoveAnswer,
  PublicNotice as PublicNoticeShape,
  WindscreenNotice as WindscreenNoticeShape,
} from '../../../../shared/api/permits';
import {
  PERSUASION_OUTCOMES,
  type PersuasionOutcome,
  type PersuasionResponse,
} from '../../../../shared/api/violations';
import type { Wire } from '../../../../shared/api/wire';
import { MOVE_ANSWERS } from '../../../../shared/live/permits';
export { MOVE_ANSWERS, PERSUASION_OUTCOMES, type MoveAnswer, type PersuasionOutcome };
// As the server answers them (src/shared/api/violations.ts, src/shared/api/permits.ts).
export type Persuasion = Wire<PersuasionResponse>;
export type WindscreenNotice = Wire<WindscreenNoticeShape>;
export type PublicNotice = Wire<PublicNoticeShape>;

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
