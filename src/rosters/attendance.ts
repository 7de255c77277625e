// Sign-in rules for a shift. Pure, so the clock is passed in.

import { MINUTE_MS } from '../common/shanghai-time';
import type { Attendance } from '../shared/api/rosters';

/** A warden may sign in this long before the shift, to take the handover. */
export const SIGN_IN_OPENS_MINUTES = 30;
/** Signing in later than this after the start is marked late. */
export const LATE_AFTER_MINUTES = 10;

export type { Attendance };

export interface AttendanceFacts {
  startsAt: Date;
  endsAt: Date;
  signedInAt: Date | null;
  signedOutAt: Date | null;
}

/**
 * upcoming: not started; absent: started, nobody signed in yet; on_duty: signed in, not out;
 * done: signed out or the shift is over after a sign-in; missed: over without a sign-in.
 */
export function attendanceOf(a: AttendanceFacts, now: Date): Attendance {
  if (a.signedInAt) return a.signedOutAt || now >= a.endsAt ? 'done' : 'on_duty';
  if (now >= a.endsAt) return 'missed';
  return now >= a.startsAt ? 'absent' : 'upcoming';
}

export function signInOpensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - SIGN_IN_OPENS_MINUTES * MINUTE_MS);
}

export function isLate(startsAt: Date, signedInAt: Date): boolean {
  return signedInAt.getTime() > startsAt.getTime() + LATE_AFTER_MINUTES * MINUTE_MS;
}
