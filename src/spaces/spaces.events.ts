import type { DomainEvent } from '../common/domain-events';
import type { SpaceRecord } from './space-record';
import type { MapContext } from './space-state';

/**
 * A change of one space of a lane has committed: a car checked in or out, a space painted,
 * moved, closed, restricted, or decided on by the council. Carries the lane as it is after the
 * change and the map context the change was decided with, so the live listener
 * (src/live/listeners/spaces.listener.ts) redacts it per audience without reading anything again.
 */
export class SpaceChanged implements DomainEvent {
  static readonly type = 'spaces.space-changed';
  readonly type = SpaceChanged.type;

  constructor(
    readonly associationId: string,
    readonly laneId: string,
    /** The lane's live map seq this change took (+1 per change) */
    readonly seq: number,
    readonly space: SpaceRecord,
    /** The lane's spaces after the change, for the counts */
    readonly lane: readonly SpaceRecord[],
    readonly context: MapContext,
    /** Households whose own car is involved: they receive the copy showing their plate */
    readonly households: readonly string[] = [],
    /** The space left the map (its consent was refused) */
    readonly removed = false,
  ) {}
}

/** A household's parked car must leave soon: a restriction of its space starts (issue 17.4). */
export class RestrictionReminderDue implements DomainEvent {
  static readonly type = 'spaces.restriction-reminder-due';
  readonly type = RestrictionReminderDue.type;

  constructor(
    readonly householdId: string,
    readonly reminder: {
      spaceId: string;
      code: string;
      plate: string;
      reason: 'restriction' | 'no_parking_hours';
      from: Date;
      to: Date;
      article: number | null;
      note: string;
    },
  ) {}
}

/** A neighbour objected to a newly painted space, or the council answered an objection. */
export class ObjectionChanged implements DomainEvent {
  static readonly type = 'spaces.objection-changed';
  readonly type = ObjectionChanged.type;

  constructor(
    readonly associationId: string,
    readonly spaceId: string,
  ) {}
}

/**
 * What a household reads on its 门前新画车位公示 card changed: a space was painted in front of it,
 * or the council answered its objection.
 */
export class ConsentNoticeChanged implements DomainEvent {
  static readonly type = 'spaces.consent-notice-changed';
  readonly type = ConsentNoticeChanged.type;

  constructor(
    readonly householdIds: readonly string[],
    readonly spaceId: string,
  ) {}
}
