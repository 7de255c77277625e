// Facts the rosters feature announces once committed. The live listener
// (src/live/listeners/rosters.listener.ts) turns them into pushes.

import type { DomainEvent } from '../common/domain-events';
import type { CoverageGapPayload, OnDutyPayload } from '../shared/live/rosters';

/** Someone signed in or out: who is on duty in the association now. */
export class DutyChanged implements DomainEvent {
  static readonly type = 'rosters.duty-changed';
  readonly type = DutyChanged.type;
  constructor(
    readonly associationId: string,
    readonly onDuty: OnDutyPayload[],
  ) {}
}

/** A change (a shift dropped) left the shift's time with fewer people than required. */
export class RosterGapOpened implements DomainEvent {
  static readonly type = 'rosters.gap-opened';
  readonly type = RosterGapOpened.type;
  constructor(
    readonly associationId: string,
    readonly shiftId: string,
    readonly gaps: CoverageGapPayload[],
  ) {}
}

/** The roster rolled on and the coming days still have gaps the council must fill. */
export class RosterGapsAhead implements DomainEvent {
  static readonly type = 'rosters.gaps-ahead';
  readonly type = RosterGapsAhead.type;
  constructor(
    readonly associationId: string,
    readonly from: Date,
    readonly to: Date,
    readonly gaps: CoverageGapPayload[],
  ) {}
}
