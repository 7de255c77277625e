// Shapes of the roster API (src/rosters/dto) and Beijing-time helpers for the roster screens.

import type * as api from '../../../../shared/api/rosters';
import type { Attendance, ShiftKind } from '../../../../shared/api/rosters';
import type { Wire } from '../../../../shared/api/wire';
import type { CoverageGapPayload } from '../../../../shared/live/rosters';

export type { Attendance, ShiftKind };
// As the server answers them (src/shared/api/rosters.ts).
export type Assignment = Wire<api.AssignmentResponse>;
export type Shift = Wire<api.ShiftResponse>;
export type MyShift = Wire<api.MyShiftResponse>;
export type HandoverNote = Wire<api.HandoverNoteResponse>;
export type GenerationReport = Wire<api.GenerationReport>;

/** A stretch short of what the duty requirements ask (src/shared/live/rosters.ts). */
export type CoverageGap = CoverageGapPayload;

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** "2025-11-03" of the Monday of the Beijing week holding `at`. */
export function mondayOf(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The Beijing date `days` after a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2025-11-03" of an instant in Beijing. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10);
}

/** "08:00" of an instant in Beijing. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(11, 16);
}

/** "11-03 08:00" of an instant in Beijing. */
export function beijingDayTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(5, 16).replace('T', ' ');
}
