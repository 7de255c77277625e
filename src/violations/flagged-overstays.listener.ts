import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxService } from '../common/outbox/outbox.service';
import { OverstayFlagged } from '../sharing/sharing.events';
import { ViolationsService } from './violations.service';

/** What violations reads of sharing's OverstayFlagged message (dates arrive as JSON strings). */
interface FlaggedOverstay {
  associationId: string;
  plate: string;
  carParkName: string;
  spaceCode: string | null;
  overstayedFrom: string;
  /** Absent from messages written before the violation cited the grace that applied. */
  graceMinutes?: number;
  grace?: { rule: 'convention' | 'offer' };
}

/**
 * The convention's "overstay in a shared car park" (issue 7): every overstay off-peak sharing
 * flags becomes a violation on the household's ladder, recorded by the system. Sharing writes the
 * message in the transaction that flags the booking (once per booking); the outbox hands it over
 * after commit and retries until the violation is recorded, in the same transaction that marks
 * the message done, so each overstay is recorded exactly once.
 */
@Injectable()
export class FlaggedOverstaysListener implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly violations: ViolationsService,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(OverstayFlagged.type, async (payload, tx) => {
      const overstay = payload as FlaggedOverstay;
      await this.violations.recordFlaggedOverstay(
        {
          associationId: overstay.associationId,
          plate: overstay.plate,
          place: overstay.spaceCode
            ? `${overstay.carParkName} ${overstay.spaceCode}`
            : overstay.carParkName,
          occurredAt: new Date(overstay.overstayedFrom),
          grace: {
            rule: overstay.grace?.rule ?? 'convention',
            minutes: overstay.graceMinutes ?? null,
          },
        },
        tx,
      );
    });
  }
}
