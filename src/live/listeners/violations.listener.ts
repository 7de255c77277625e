import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { toViolationView } from '../../violations/violation-views';
import { AppealDecided, ViolationRecorded } from '../../violations/violations.events';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * Violations, live, to the household concerned only. Persuasion (劝导) is spoken in the lane and
 * stays there; a written notice (书面告知) or a suspension reaches the household's phones, with
 * its own plate in full.
 */
@Injectable()
export class ViolationsLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(ViolationRecorded.type)
  recorded({ violation }: ViolationRecorded): void {
    if (!violation.householdId || violation.action === 'persuasion') return;
    const view = toViolationView(violation, null);
    this.live.emit(rooms.household(violation.householdId), 'violation.recorded', {
      ...view,
      action: violation.action,
      occurredAt: violation.occurredAt.toISOString(),
      suspendedUntil: violation.suspendedUntil?.toISOString() ?? null,
    });
  }

  @OnEvent(AppealDecided.type)
  appealDecided(event: AppealDecided): void {
    if (!event.householdId) return;
    this.live.emit(rooms.household(event.householdId), 'violation.appealDecided', {
      id: event.violationId,
      appealStatus: event.appealStatus,
      appealNote: event.appealNote,
    });
  }
}
