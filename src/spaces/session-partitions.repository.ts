import { Injectable } from '@nestjs/common';
import { MonthlyPartitions, type MonthsPass } from '../database/monthly-partitions';
import type { Tx } from '../database/transactions';
import { VIOLATION_KEEPS_SESSION } from './occupancy.repository';

/**
 * The only code that speaks DDL to the monthly partitions of `occupancy_session` (see migration
 * 1765920000000). A month past every association's period goes whole; the sessions that outlive
 * it (still open, ended within the period, or the evidence of a violation) move to the default
 * partition, their open-session claims (`occupancy_open`) going first and coming back with them.
 */
@Injectable()
export class SessionPartitionRepository {
  private readonly months = new MonthlyPartitions({
    table: 'occupancy_session',
    column: 'started_at',
    alias: 'o',
    forgetSideRows: (month) =>
      `DELETE FROM occupancy_open c USING ${month} o WHERE c.session_id = o.id`,
    outlives: `o.ended_at IS NULL OR o.ended_at >= period.keep_after OR ${VIOLATION_KEEPS_SESSION}`,
  });

  makeAhead(tx: Tx, now: Date, ahead: number): Promise<string[]> {
    return this.months.makeAhead(tx, now, ahead);
  }

  dropEndedBefore(tx: Tx, keepAfter: Date): Promise<Omit<MonthsPass, 'created'>> {
    return this.months.dropEndedBefore(tx, keepAfter);
  }
}
