import { Injectable } from '@nestjs/common';
import { MonthlyPartitions, type MonthsPass } from '../database/monthly-partitions';
import type { Tx } from '../database/transactions';
import { VIOLATION_KEEPS_SCAN } from './scan.repository';

export interface PartitionPass {
  created: string[];
  dropped: string[];
  /** Scans a violation keeps, moved out of a dropped month into `permit_scan_default` */
  keptScans: number;
}

/**
 * The only code that speaks DDL to the monthly partitions of `permit_scan` (see migration
 * 1765890000000 for the design). A month past every period goes whole, but the scans a violation
 * rests on move to the default partition; their idempotency keys go first and come back with them.
 */
@Injectable()
export class ScanPartitionRepository {
  private readonly months = new MonthlyPartitions({
    table: 'permit_scan',
    column: 'scanned_at',
    alias: 's',
    forgetSideRows: (month) =>
      `DELETE FROM permit_scan_key k USING ${month} s
        WHERE k.scanned_by = s.scanned_by AND k.idempotency_key = s.idempotency_key`,
    outlives: VIOLATION_KEEPS_SCAN,
  });

  /** Makes the months from `now`'s to `ahead` months later that do not exist yet. */
  makeAhead(tx: Tx, now: Date, ahead: number): Promise<string[]> {
    return this.months.makeAhead(tx, now, ahead);
  }

  /** Drops the months that end before `keepAfter` (past every association's period). */
  async dropEndedBefore(tx: Tx, keepAfter: Date): Promise<Omit<PartitionPass, 'created'>> {
    const pass: Omit<MonthsPass, 'created'> = await this.months.dropEndedBefore(tx, keepAfter);
    return { dropped: pass.dropped, keptScans: pass.kept };
  }
}
