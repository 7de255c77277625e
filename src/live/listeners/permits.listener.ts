import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { MoveRequestView } from '../../permits/moves/move-request.dto';
import { moveRequestSeenBy } from '../../permits/moves/move-request.view';
import { MoveAnswered, MoveRequested, PermitChanged } from '../../permits/permits.events';
import type { MoveRequestPayload } from '../../shared/live/permits';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * Permits' committed facts → pushes: a permit's household and the council hear of its lifecycle
 * steps (no plate, no name: its number and status); a 挪车
 * request reaches the holder's phones, its answer the asker's, each seeing only what is theirs.
 */
@Injectable()
export class PermitsLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(PermitChanged.type)
  permitChanged(event: PermitChanged): void {
    const payload = { id: event.permitId, number: event.number, status: event.status };
    // The council's count of applications waiting follows every step, on each of its phones.
    this.live.emit(rooms.council(event.associationId), 'permit.updated', payload);
    if (!event.householdId) return;
    this.live.emit(rooms.household(event.householdId), 'permit.updated', payload);
  }

  @OnEvent(MoveRequested.type)
  moveRequested({ request }: MoveRequested): void {
    const holder = request.holderMemberId;
    if (!holder) return; // a windscreen notice: the driver reads it on the car
    this.live.emit(
      rooms.member(holder),
      'move.requested',
      wire(moveRequestSeenBy(request, holder)),
    );
  }

  @OnEvent(MoveAnswered.type)
  moveAnswered({ request }: MoveAnswered): void {
    const asker = request.askedBy;
    this.live.emit(rooms.member(asker), 'move.answered', wire(moveRequestSeenBy(request, asker)));
  }
}

function wire(view: MoveRequestView): MoveRequestPayload {
  return {
    ...view,
    askedAt: view.askedAt.toISOString(),
    answeredAt: view.answeredAt?.toISOString() ?? null,
  };
}
