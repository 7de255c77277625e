import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  HOUSEHOLD_ARCHIVED,
  type HouseholdArchived,
  VEHICLE_ARCHIVED,
  type VehicleArchived,
} from '../associations/archive.events';
import { OutboxService } from '../common/outbox/outbox.service';
import { PermitsService } from './permits.service';

/**
 * A vehicle or household the council removes is archived, not deleted (issue 15.2), so its
 * permits stay in the ledger; what they still allowed ends here: pending and active permits are
 * revoked by the system, with a ledger row each. The register writes the message in the archiving
 * transaction; the outbox retries until this has run.
 */
@Injectable()
export class ArchivedHoldersListener implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly permits: PermitsService,
  ) {}

  onModuleInit(): void {
    this.outbox.handle(VEHICLE_ARCHIVED, async (payload, tx) => {
      const { vehicleId } = payload as VehicleArchived;
      await this.permits.revokeAllOf({ vehicleId }, '车辆已从登记中移除', tx);
    });
    this.outbox.handle(HOUSEHOLD_ARCHIVED, async (payload, tx) => {
      const { householdId } = payload as HouseholdArchived;
      await this.permits.revokeAllOf({ householdId }, '住户已从登记中移除', tx);
    });
  }
}
