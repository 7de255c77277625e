import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import { selectPage, Where } from '../database/sql-page';

/** 户: a courtyard door of the lane, e.g. "下岗胡同19号". */
export interface Household {
  id: string;
  associationId: string;
  address: string;
  /** The lane it is registered in; null until the council says which, where there are several. */
  laneId: string | null;
  createdAt: Date;
}

export interface LedgerRow {
  household_id: string;
  address: string;
  member_id: string | null;
  name: string | null;
  phone: string | null;
  role: string | null;
  party_member: boolean | null;
  volunteer: boolean | null;
  plate: string | null;
  plate_color: string | null;
  lane_name: string | null;
}

export interface HouseholdCounts {
  memberCount: number;
  vehicleCount: number;
}

interface Row {
  id: string;
  association_id: string;
  address: string;
  lane_id: string | null;
  created_at: Date;
}

const COLUMNS = 'id, association_id, address, lane_id, created_at';
/** Archived households are history only: kept for their permits, bookings and violations. */
const CURRENT = 'archived_at IS NULL';

/** The only SQL of the `household` table. */
@Injectable()
export class HouseholdRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<Household | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM household WHERE id = $1 AND ${CURRENT}`,
      [id],
    );
    return rows[0] ? toHousehold(rows[0]) : null;
  }

  /** The lane the household is registered in (null: none, or no such household). */
  async laneOf(id: string, tx: Tx = this.transactions.autocommit): Promise<string | null> {
    const rows: { lane_id: string | null }[] = await tx.query(
      `SELECT lane_id FROM household WHERE id = $1 AND ${CURRENT}`,
      [id],
    );
    return rows[0]?.lane_id ?? null;
  }

  async byAddress(
    associationId: string,
    address: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<Household | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM household WHERE association_id = $1 AND address = $2 AND ${CURRENT}`,
      [associationId, address],
    );
    return rows[0] ? toHousehold(rows[0]) : null;
  }

  /**
   * Holds the household's row until `tx` ends. NO KEY UPDATE: rows that reference the household
   * (permits, allocations, sessions) can still be inserted meanwhile, by this transaction too.
   */
  async lockForCars(id: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT id FROM household WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  }

  /** How many of `ids` are households of the association (for checks of several at once). */
  async countOf(associationId: string, ids: string[], tx: Tx = this.transactions.autocommit) {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM household WHERE association_id = $1 AND id = ANY($2::uuid[]) AND ${CURRENT}`,
      [associationId, ids],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async page(
    filter: { associationId: string; id?: string | null; search?: string },
    limit: number,
    offset: number,
  ): Promise<{ rows: Household[]; total: number }> {
    const where = new Where().add('association_id = ?', filter.associationId).also(CURRENT);
    if (filter.id !== undefined) where.add('id = ?', filter.id);
    if (filter.search) where.add('address LIKE ?', `%${filter.search}%`);
    const page = await selectPage<Row>(
      this.transactions.autocommit,
      { columns: COLUMNS, from: 'household', where, orderBy: 'address, id' },
      limit,
      offset,
    );
    return { rows: page.rows.map(toHousehold), total: page.total };
  }

  /** Members and vehicles per household, for lists. */
  async countsFor(ids: string[]): Promise<Map<string, HouseholdCounts>> {
    const result = new Map<string, HouseholdCounts>();
    if (ids.length === 0) return result;
    const rows: { id: string; members: string; vehicles: string }[] =
      await this.transactions.autocommit.query(
        `SELECT h.id,
                (SELECT count(*) FROM member m WHERE m.household_id = h.id) AS members,
                (SELECT count(*) FROM vehicle v WHERE v.household_id = h.id AND v.archived_at IS NULL) AS vehicles
           FROM household h WHERE h.id = ANY($1::uuid[])`,
        [ids],
      );
    for (const row of rows) {
      result.set(row.id, { memberCount: Number(row.members), vehicleCount: Number(row.vehicles) });
    }
    return result;
  }

  async addressesOf(ids: string[], tx: Tx = this.transactions.autocommit) {
    if (ids.length === 0) return new Map<string, string>();
    const rows: { id: string; address: string }[] = await tx.query(
      `SELECT id, address FROM household WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.address]));
  }

  async countInAssociation(associationId: string, tx: Tx = this.transactions.autocommit) {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM household WHERE association_id = $1 AND ${CURRENT}`,
      [associationId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * The ledger (台账): one row per member with their vehicles, households without members, and
   * vehicles without an owner; ordered by address (as the list), name, plate. Read `batch`
   * households at a time after the last address seen (keyset: addresses are unique among the
   * current households), so 100,000 rows are never held at once. `householdId` narrows it as
   * the list's scope does (`null`: a resident without a household, who lists none).
   */
  async *ledgerInOrder(
    associationId: string,
    householdId?: string | null,
    batch = 200,
  ): AsyncGenerator<LedgerRow[]> {
    if (householdId === null) return;
    let after: string | null = null;
    for (;;) {
      const households: { id: string; address: string }[] =
        await this.transactions.autocommit.query(
          `SELECT id, address FROM household
          WHERE association_id = $1 AND ${CURRENT} AND ($2::text IS NULL OR address > $2)
            AND ($4::uuid IS NULL OR id = $4)
          ORDER BY address LIMIT $3`,
          [associationId, after, batch, householdId ?? null],
        );
      if (households.length === 0) return;
      yield await this.ledgerRowsOf(households.map((h) => h.id));
      after = households[households.length - 1]!.address;
      if (households.length < batch) return;
    }
  }

  private ledgerRowsOf(householdIds: string[]): Promise<LedgerRow[]> {
    return this.transactions.autocommit.query(
      `SELECT h.address, m.name, m.phone, m.role, m.party_member, m.volunteer, v.plate,
              v.plate_color, h.id AS household_id, m.id AS member_id, l.name AS lane_name
         FROM household h
         LEFT JOIN lane l ON l.id = h.lane_id
         LEFT JOIN member m ON m.household_id = h.id
         LEFT JOIN vehicle v ON v.household_id = h.id AND v.archived_at IS NULL
              AND (v.owner_member_id = m.id OR (m.id IS NULL AND v.owner_member_id IS NULL))
        WHERE h.id = ANY($1::uuid[])
        UNION ALL
       SELECT h.address, NULL, NULL, NULL, NULL, NULL, v.plate, v.plate_color, h.id, NULL, l.name
         FROM vehicle v JOIN household h ON h.id = v.household_id
         LEFT JOIN lane l ON l.id = h.lane_id
        WHERE h.id = ANY($1::uuid[]) AND v.owner_member_id IS NULL AND v.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id)
        ORDER BY 1, 2 NULLS LAST, 7 NULLS LAST`,
      [householdIds],
    );
  }

  /** A new household; without a lane, the association's only lane if it has one (a trigger). */
  async insert(
    tx: Tx,
    associationId: string,
    address: string,
    laneId: string | null = null,
  ): Promise<Household> {
    const rows: Row[] = await tx.query(
      `INSERT INTO household (association_id, address, lane_id) VALUES ($1, $2, $3)
       RETURNING ${COLUMNS}`,
      [associationId, address, laneId],
    );
    return toHousehold(rows[0]!);
  }

  /** A new address, and the lane when one is given (else the lane stays). */
  async update(tx: Tx, id: string, changes: { address: string; laneId?: string }): Promise<void> {
    await tx.query(
      `UPDATE household SET address = $2, lane_id = COALESCE($3, lane_id) WHERE id = $1`,
      [id, changes.address, changes.laneId ?? null],
    );
  }

  /** Removes the household from the register; its history keeps pointing at the row. */
  async archive(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE household SET archived_at = $2 WHERE id = $1 AND ${CURRENT}`, [id, at]);
  }
}

function toHousehold(row: Row): Household {
  return {
    id: row.id,
    associationId: row.association_id,
    address: row.address,
    laneId: row.lane_id,
    createdAt: row.created_at,
  };
}
