import { Injectable } from '@nestjs/common';
import { selectPage, Where } from '../database/sql-page';
import { Transactions, type Tx } from '../database/transactions';
import type { PlateColor } from '../shared/plate';

export { VEHICLE_CHANGE_STATUSES, type VehicleChangeStatus } from '../shared/api/vehicle-changes';
import type { VehicleChangeStatus } from '../shared/api/vehicle-changes';

/** A resident's request to enter a car in the register, or to correct one's plate or colour. */
export interface VehicleChange {
  id: string;
  associationId: string;
  householdId: string;
  /** add: a new car; edit: a registered car's plate or colour. */
  kind: 'add' | 'edit';
  /** The car changed; for a new car, once entered. */
  vehicleId: string | null;
  requestedBy: string | null;
  /** Normalised, e.g. "京A12345". */
  plate: string;
  plateColor: PlateColor;
  status: VehicleChangeStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export type NewVehicleChange = Pick<
  VehicleChange,
  'associationId' | 'householdId' | 'kind' | 'vehicleId' | 'requestedBy' | 'plate' | 'plateColor'
>;

interface Row {
  id: string;
  association_id: string;
  household_id: string;
  kind: 'add' | 'edit';
  vehicle_id: string | null;
  requested_by: string | null;
  plate: string;
  plate_color: PlateColor;
  status: VehicleChangeStatus;
  decided_by: string | null;
  decision_note: string | null;
  decided_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, association_id, household_id, kind, vehicle_id, requested_by, plate, plate_color,
  status, decided_by, decision_note, decided_at, created_at`;

/** The only SQL of `vehicle_change`. */
@Injectable()
export class VehicleChangeRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<VehicleChange | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM vehicle_change WHERE id = $1`, [id]);
    return rows[0] ? toChange(rows[0]) : null;
  }

  /** The request, locked: two council members deciding it at once decide it once. */
  async lock(tx: Tx, id: string): Promise<VehicleChange | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM vehicle_change WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toChange(rows[0]) : null;
  }

  async page(
    filter: { associationId: string; householdId?: string; status?: VehicleChangeStatus },
    limit: number,
    offset: number,
  ): Promise<{ rows: VehicleChange[]; total: number }> {
    const where = new Where().add('association_id = ?', filter.associationId);
    if (filter.householdId) where.add('household_id = ?', filter.householdId);
    if (filter.status) where.add('status = ?', filter.status);
    const page = await selectPage<Row>(
      this.transactions.autocommit,
      { columns: COLUMNS, from: 'vehicle_change', where, orderBy: 'created_at DESC, id' },
      limit,
      offset,
    );
    return { rows: page.rows.map(toChange), total: page.total };
  }

  async insert(
    tx: Tx,
    change: NewVehicleChange & { status: 'pending' | 'applied'; at: Date },
  ): Promise<VehicleChange> {
    const rows: Row[] = await tx.query(
      `INSERT INTO vehicle_change (association_id, household_id, kind, vehicle_id, requested_by,
          plate, plate_color, status, decided_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        change.associationId,
        change.householdId,
        change.kind,
        change.vehicleId,
        change.requestedBy,
        change.plate,
        change.plateColor,
        change.status,
        change.status === 'pending' ? null : change.at,
        change.at,
      ],
    );
    return toChange(rows[0]!);
  }

  /** Records the council's decision on a pending request (the caller holds its lock). */
  async decide(
    tx: Tx,
    id: string,
    decision: {
      status: 'approved' | 'refused';
      by: string;
      note: string | null;
      at: Date;
      vehicleId: string | null;
    },
  ): Promise<VehicleChange> {
    const rows: Row[] = await tx.query(
      `WITH decided AS (
         UPDATE vehicle_change
            SET status = $2, decided_by = $3, decision_note = $4, decided_at = $5,
                vehicle_id = coalesce($6, vehicle_id)
          WHERE id = $1 AND status = 'pending'
         RETURNING ${COLUMNS})
       SELECT * FROM decided`,
      [id, decision.status, decision.by, decision.note, decision.at, decision.vehicleId],
    );
    return toChange(rows[0]!);
  }
}

function toChange(row: Row): VehicleChange {
  return {
    id: row.id,
    associationId: row.association_id,
    householdId: row.household_id,
    kind: row.kind,
    vehicleId: row.vehicle_id,
    requestedBy: row.requested_by,
    plate: row.plate,
    plateColor: row.plate_color,
    status: row.status,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}
