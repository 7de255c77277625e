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

/** A car as eligibility for shared places sees it (src/sharing/eligibility.ts). */
export interface LicenceFacts {
  id: string;
  plate: string;
  plateColor: PlateColor;
  licenceChecked: boolean;
  licenceOwnerInHousehold: boolean;
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
         UPDATE vehicle SET plate = $2, plate_color = $3, owner_member_id = $4,
                -- Another plate is another licence: its owner is checked again.
                licence_owner_name = CASE WHEN plate = $2 THEN licence_owner_name END,
                licence_owner_member_id = CASE WHEN plate = $2 THEN licence_owner_member_id END,
                licence_checked_at = CASE WHEN plate = $2 THEN licence_checked_at END
          WHERE id = $1
         RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [id, changes.plate, changes.plateColor, changes.ownerMemberId],
    );
    return toVehicle(rows[0]!);
  }

  /**
   * Records the owner's name on the car's 行驶证 and the member of its household of that name
   * (null: nobody of the household has it). Returns whether a member matched.
   */
  async setLicenceOwner(
    tx: Tx,
    id: string,
    owner: string,
    at: Date,
  ): Promise<{ matched: boolean }> {
    const rows: { member_id: string | null }[] = await tx.query(
      `WITH checked AS (
         UPDATE vehicle v SET licence_owner_name = $2, licence_checked_at = $3,
                licence_owner_member_id = (
                  SELECT m.id FROM member m
                   WHERE m.household_id = v.household_id AND m.association_id = v.association_id
                     AND m.active AND regexp_replace(normalize(m.name, NFKC), '[[:space:]\u3000]+', '', 'g') = $2
                   ORDER BY m.created_at, m.id LIMIT 1)
          WHERE v.id = $1 RETURNING v.licence_owner_member_id AS member_id)
       SELECT member_id FROM checked`,
      [id, owner, at],
    );
    return { matched: rows[0]?.member_id != null };
  }

  /**
   * The household's cars with what eligibility asks of them: plate colour, and whether the owner
   * on the licence was checked and is (still) an active member of the household.
   */
  async licenceFactsOfHousehold(
    householdId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<LicenceFacts[]> {
    const rows: {
      id: string;
      plate: string;
      plate_color: PlateColor;
      licence_checked: boolean;
      licence_owner_in_household: boolean;
    }[] = await tx.query(
      `SELECT v.id, v.plate, v.plate_color, v.licence_checked_at IS NOT NULL AS licence_checked,
              EXISTS (SELECT 1 FROM member m WHERE m.id = v.licence_owner_member_id
                         AND m.household_id = v.household_id AND m.active) AS licence_owner_in_household
         FROM vehicle v WHERE v.household_id = $1 AND v.${CURRENT} ORDER BY v.created_at, v.id`,
      [householdId],
    );
    return rows.map((r) => ({
      id: r.id,
      plate: r.plate,
      plateColor: r.plate_color,
      licenceChecked: r.licence_checked,
      licenceOwnerInHousehold: r.licence_owner_in_household,
    }));
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
