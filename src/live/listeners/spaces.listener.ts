import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { SpaceUpdate } from '../../shared/live/spaces';
import { availabilityNow } from '../../spaces/space-state';
import {
  householdReader,
  PUBLIC_READER,
  type Reader,
  STAFF_READER,
  toSpaceView,
} from '../../spaces/space-views';
import {
  ConsentNoticeChanged,
  ObjectionChanged,
  RestrictionReminderDue,
  SpaceChanged,
} from '../../spaces/spaces.events';
import { formatPlate } from '../../shared/plate';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * A committed change of a space → `space.updated` to the lane's subscribers: one redacted copy
 * per audience (staff see plates, the public does not), and to each household whose own car is
 * involved its own copy, in place of the public one.
 */
@Injectable()
export class SpacesLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(SpaceChanged.type)
  spaceChanged(change: SpaceChanged): void {
    // The counts come from the same states as every list and snapshot (space-state.ts).
    const { counts } = availabilityNow(change.lane, change.context);
    const update = (reader: Reader): SpaceUpdate => ({
      laneId: change.laneId,
      seq: change.seq,
      space: toSpaceView(change.space, reader, change.context),
      counts,
      ...(change.removed ? { removed: true } : {}),
    });
    this.live.emit(
      rooms.laneAudience(change.laneId, 'staff'),
      'space.updated',
      update(STAFF_READER),
    );
    this.live.emit(
      rooms.laneAudience(change.laneId, 'public'),
      'space.updated',
      update(PUBLIC_READER),
      change.households.map(rooms.household),
    );
    for (const householdId of change.households) {
      this.live.emit(
        rooms.household(householdId),
        'space.updated',
        update(householdReader(householdId)),
      );
    }
  }

  @OnEvent(RestrictionReminderDue.type)
  restrictionSoon({ householdId, reminder }: RestrictionReminderDue): void {
    this.live.emit(rooms.household(householdId), 'space.restriction-soon', {
      ...reminder,
      plate: formatPlate(reminder.plate),
      from: reminder.from.toISOString(),
      to: reminder.to.toISOString(),
    });
  }

  @OnEvent(ObjectionChanged.type)
  objectionChanged({ associationId, spaceId }: ObjectionChanged): void {
    // Only that something changed: the council's phones re-read the count and the cases.
    this.live.emit(rooms.council(associationId), 'objection.updated', { spaceId });
  }

  @OnEvent(ConsentNoticeChanged.type)
  consentNoticeChanged({ householdIds, spaceId }: ConsentNoticeChanged): void {
    for (const householdId of householdIds) {
      this.live.emit(rooms.household(householdId), 'consent.updated', { spaceId });
    }
  }
}
