// What the roster routes (/api/shifts, /api/roster, sign-in and handover) answer; the roster
// screens read it as `Wire<…>` (src/shared/api/wire.ts). The OpenAPI classes in
// src/rosters/dto/roster.view.ts implement these. Types only.
import type { CoverageGapPayload } from '../live/rosters';

export type ShiftKind = 'warden' | 'volunteer';
export type Attendance = 'upcoming' | 'absent' | 'on_duty' | 'done' | 'missed';

/** A member's place on a shift. */
export interface AssignmentResponse {
  id: string;
  shiftId: string;
  memberId: string;
  memberName: string;
  attendance: Attendance;
  late: boolean;
  signedInAt: string | null;
  signedOutAt: string | null;
}

export interface ShiftResponse {
  id: string;
  /** "夜班" */
  name: string;
  kind: ShiftKind;
  from: string;
  to: string;
  /** People this shift needs on duty. */
  required: number;
  laneIds: string[];
  assignments: AssignmentResponse[];
}

export interface MyShiftResponse extends ShiftResponse {
  /** The caller's own place on this shift. */
  mine: AssignmentResponse;
}

export interface HandoverNoteResponse {
  id: string;
  shiftId: string;
  shiftName: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface MemberHours {
  memberId: string;
  name: string;
  kind: ShiftKind;
  hours: number;
}

/** What generating a period's roster did. */
export interface GenerationReport {
  from: string;
  to: string;
  shifts: number;
  assignments: number;
  /** Seats nobody was free for; they show as gaps. */
  unfilledSeats: number;
  hours: MemberHours[];
  /** max − min hours among the wardens, and among the volunteers. */
  spread: { warden: number; volunteer: number };
  gaps: CoverageGapPayload[];
}
