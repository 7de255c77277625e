// Live events of the rosters feature: event name → (payload) => void. Pure types, shared with
// the web client.

/** A stretch of time when fewer people are on the roster than must be on duty. */
export interface CoverageGapPayload {
  from: string;
  to: string;
  scheduled: number;
  required: number;
  /** The line of duty that is short: 'warden' or 'volunteer'. */
  kind: string;
  /** The duty requirement in force there (null when only a shift asks for more people). */
  requirementId: string | null;
  /** The convention article that requirement rests on. */
  article: number | null;
}

/** Someone signed in on a shift right now: names only, the whole association reads it. */
export interface OnDutyPayload {
  memberId: string;
  name: string;
  kind: string;
  shiftId: string;
  shiftName: string;
  since: string;
  until: string;
}

export interface DutyChangedPayload {
  associationId: string;
  onDuty: OnDutyPayload[];
}

/** A change (a dropped shift) left this shift's time short. */
export interface RosterGapPayload {
  associationId: string;
  shiftId: string;
  gaps: CoverageGapPayload[];
}

/** The gaps of the coming days, after the roster rolled on. */
export interface RosterGapsAheadPayload {
  associationId: string;
  from: string;
  to: string;
  gaps: CoverageGapPayload[];
}

export interface RostersLiveEvents {
  /** To the association: who is on duty changed (a sign-in or sign-out). */
  'duty.changed': (payload: DutyChangedPayload) => void;
  /** To the council: a shift just went short. */
  'roster.gap': (payload: RosterGapPayload) => void;
  /** To the council: the next days still have gaps after the roster rolled on. */
  'roster.gaps-ahead': (payload: RosterGapsAheadPayload) => void;
}
