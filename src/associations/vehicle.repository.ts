import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { PlateColor } from '../shared/plate';
import { selectPage, Where } from '../database/sql-page';

export interface Vehicle {
  id: string;
  associationId: string;
  householdId: string;
  ownerMemberId: string | null;
  /** Normalised: no separators, upper case, e.g. "京A12345" or "京AD12345". */
  plate: string;
  plateColor: PlateColor;
  createdAt: Date;
}

export interface NewVehicle {
  associationId: string;
  householdId: string;
  ownerMemberId: string | null;
  plate: string;
  plateColor: PlateColor;
}

interface Row {
  id: string;
  association_id: string;
  household_id: string;
  owner_member_id: string | null;
  plate: string;
  plate_color: PlateColor;
  created_at: Date;
}

const COLUMNS = 'id, association_id, household_id, owner_member_id, plate, plate_color, created_at';
/** Archived vehicles are history only: kept for their permits, scans and sessions, never read as current. */
const CURRENT = 'archived_at IS NULL';

/** The only SQL of the `vehicle` table. */
@Injectable()
export class VehicleRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<Vehicle | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM vehicle WHERE id = $1 AND ${CURRENT}`,
      [id],
    );
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  async byPlate(
    associationId: string,
    plate: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<Vehicle | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM vehicle WHERE association_id = $1 AND plate = $2 AND ${CURRENT}`,
      [associationId, plate],
    );
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  async ofHousehold(householdId: string, tx: Tx = this.transactions.autocommit) {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM vehicle WHERE household_id = $1 AND ${CURRENT} ORDER BY created_at, id`,
      [householdId],
    );
    return rows.map(toVehicle);
  }

  async countOfHousehold(householdId: string, tx: Tx = this.transactions.autocommit) {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM vehicle WHERE household_id = $1 AND ${CURRENT}`,
      [householdId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async page(
    filter: { associationId: string; householdId?: string | null; plateContains?: string },
    limit: number,
    offset: number,
  ): Promise<{ rows: Vehicle[]; total: number }> {
    const where = new Where().add('association_id = ?', filter.associationId).also(CURRENT);
    if (filter.householdId !== undefined) where.add('household_id = ?', filter.householdId);
    if (filter.plateContains) where.add('plate LIKE ?', `%${filter.plateContains}%`);
    const page = await selectPage<Row>(
      this.transactions.autocommit,
      { columns: COLUMNS, from: 'vehicle', where, orderBy: 'plate, id' },
      limit,
      offset,
    );
    return { rows: page.rows.map(toVehicle), total: page.total };
  }

  async insert(tx: Tx, vehicle: NewVehicle): Promise<Vehicle> {
    const rows: Row[] = await tx.query(
      `INSERT INTO vehicle (association_id, household_id, owner_member_id, plate, plate_color)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [
        vehicle.associationId,
        vehicle.householdId,
        vehicle.ownerMemberId,
        vehicle.plate,
        vehicle.plateColor,
      ],
    );
    return toVehicle(rows[0]!);
  }

  async update(
    tx: Tx,
    id: string,
    changes: { plate: string; plateColor: PlateColor; ownerMemberId: string | null },
  ): Promise<Vehicle> {
    const rows: Row[] = await tx.query(
      `WITH changed AS (
         UPDATE vehicle SET plate = $2, plate_color = $3, owner_member_id = $4 WHERE id = $1
         RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [id, changes.plate, changes.plateColor, changes.ownerMemberId],
    );
    return toVehicle(rows[0]!);
  }

  /** Removes the vehicle from the register; its history keeps pointing at the row. */
  async archive(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE vehicle SET archived_at = $2 WHERE id = $1 AND ${CURRENT}`, [id, at]);
  }

  /** Archives the household's current vehicles; their ids. */
  async archiveOfHousehold(tx: Tx, householdId: string, at: Date): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `WITH gone AS (UPDATE vehicle SET archived_at = $2 WHERE household_id = $1 AND ${CURRENT}
         RETURNING id)
       SELECT id FROM gone`,
      [householdId, at],
    );
    return rows.map((row) => row.id);
  }
}

function toVehicle(row: Row): Vehicle {
  return {
    id: row.id,
    associationId: row.association_id,
    householdId: row.household_id,
    ownerMemberId: row.owner_member_id,
    plate: row.plate,
    plateColor: row.plate_color,
    createdAt: row.created_at,
  };
}
