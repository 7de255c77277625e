import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OVERSTAY_FLAGGED, type OverstayFlagged } from '../../sharing/sharing-events';
import { ViolationsService } from './violations.service';

/**
 * The convention's "overstay in a shared car park" (issue 7): every overstay off-peak sharing
 * flags becomes a violation on the household's ladder, recorded by the system. Sharing flags
 * each booking once (sharing_overstay's unique key), so this runs once per overstay; a failure
 * is logged by the event loader and the overstay stays in sharing's own ledger.
 */
@Injectable()
export class FlaggedOverstaysListener {
  constructor(private readonly violations: ViolationsService) {}

  @OnEvent(OVERSTAY_FLAGGED)
  async record(event: OverstayFlagged): Promise<void> {
    await this.violations.recordFlaggedOverstay({
      associationId: event.associationId,
      plate: event.plate,
      place: event.spaceCode ? `${event.carParkName} ${event.spaceCode}` : event.carParkName,
      occurredAt: event.overstayedFrom,
    });
  }
}
