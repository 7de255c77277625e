import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DutyChanged, RosterGapOpened, RosterGapsAhead } from '../../rosters/rosters.events';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * Rosters' committed facts to the sockets. Who is on duty (names and shifts only) goes to the
 * whole association; gaps go to the council, who fills them.
 */
@Injectable()
export class RostersLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(DutyChanged.type)
  dutyChanged(event: DutyChanged): void {
    this.live.emit(rooms.association(event.associationId), 'duty.changed', {
      associationId: event.associationId,
      onDuty: event.onDuty,
    });
  }

  @OnEvent(RosterGapOpened.type)
  gapOpened(event: RosterGapOpened): void {
    this.live.emit(rooms.council(event.associationId), 'roster.gap', {
      associationId: event.associationId,
      shiftId: event.shiftId,
      gaps: event.gaps,
    });
  }

  @OnEvent(RosterGapsAhead.type)
  gapsAhead(event: RosterGapsAhead): void {
    this.live.emit(rooms.council(event.associationId), 'roster.gaps-ahead', {
      associationId: event.associationId,
      from: event.from.toISOString(),
      to: event.to.toISOString(),
      gaps: event.gaps,
    });
  }
}
