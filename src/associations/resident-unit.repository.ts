import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

export const RESIDENT_UNIT_KINDS = ['office', 'company', 'school', 'hospital', 'other'] as const;
export type ResidentUnitKind = (typeof RESIDENT_UNIT_KINDS)[number];

/** Reads of `resident_unit` (驻区单位) the associations feature needs. */
@Injectable()
export class ResidentUnitRepository {
  constructor(private readonly transactions: Transactions) {}

  async existsIn(
    associationId: string,
    id: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM resident_unit WHERE id = $1 AND association_id = $2`,
      [id, associationId],
    );
    return rows.length > 0;
  }

  async namesOf(
    ids: string[],
    tx: Tx = this.transactions.autocommit,
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await tx.query(
      `SELECT id, name FROM resident_unit WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
