import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../../database/transactions';
import type { LandmarkKind, LandmarkView } from '../../shared/landmarks';

/** A landmark as stored; the view adds nothing but leaves out the association. */
export interface LandmarkRecord extends LandmarkView {
  associationId: string;
}

/** Where a landmark stands and what it says: what the service writes. */
export interface LandmarkPlacement {
  kind: LandmarkKind;
  label: string;
  x: number;
  y: number;
  chainage: number;
  side: -1 | 0 | 1;
  carParkId: string | null;
  directions: string;
  walkMinutes: number | null;
}

interface Row {
  id: string;
  association_id: string;
  lane_id: string;
  kind: LandmarkKind;
  label: string;
  x: string;
  y: string;
  chainage: string;
  side: number;
  car_park_id: string | null;
  directions: string;
  walk_minutes: number | null;
  updated_at: Date;
}

const COLUMNS = `id, association_id, lane_id, kind, label, x, y, chainage, side, car_park_id,
                 directions, walk_minutes, updated_at`;

/** The lane's landmarks (lane_landmark): the only SQL for the table. */
@Injectable()
export class LandmarkRepository {
  constructor(private readonly transactions: Transactions) {}

  async forLane(laneId: string, tx: Tx = this.transactions.autocommit): Promise<LandmarkRecord[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM lane_landmark WHERE lane_id = $1 ORDER BY chainage, label`,
      [laneId],
    );
    return rows.map(toRecord);
  }

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<LandmarkRecord | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM lane_landmark WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Refused by lane_landmark_door_key (a door number twice) or the car park's composite key. */
  async insert(
    tx: Tx,
    at: { associationId: string; laneId: string; placedBy: string },
    placement: LandmarkPlacement,
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO lane_landmark (association_id, lane_id, kind, label, x, y, chainage, side,
                                  car_park_id, directions, walk_minutes, placed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [at.associationId, at.laneId, ...values(placement), at.placedBy],
    );
    return rows[0]!.id;
  }

  async update(tx: Tx, id: string, placement: LandmarkPlacement, placedBy: string): Promise<void> {
    await tx.query(
      `UPDATE lane_landmark
          SET kind = $2, label = $3, x = $4, y = $5, chainage = $6, side = $7, car_park_id = $8,
              directions = $9, walk_minutes = $10, placed_by = $11, updated_at = now()
        WHERE id = $1`,
      [id, ...values(placement), placedBy],
    );
  }

  async remove(tx: Tx, id: string): Promise<void> {
    await tx.query(`DELETE FROM lane_landmark WHERE id = $1`, [id]);
  }
}

function values(p: LandmarkPlacement): unknown[] {
  return [p.kind, p.label, p.x, p.y, p.chainage, p.side, p.carParkId, p.directions, p.walkMinutes];
}

function toRecord(row: Row): LandmarkRecord {
  return {
    id: row.id,
    associationId: row.association_id,
    laneId: row.lane_id,
    kind: row.kind,
    label: row.label,
    x: Number(row.x),
    y: Number(row.y),
    chainage: Number(row.chainage),
    side: row.side === 0 ? 0 : row.side > 0 ? 1 : -1,
    carParkId: row.car_park_id,
    directions: row.directions,
    walkMinutes: row.walk_minutes,
    updatedAt: row.updated_at.toISOString(),
  };
}
