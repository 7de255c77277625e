import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

/** A point of the lane's schematic centre line, in metres from the lane's west entrance. */
export interface LanePoint {
  x: number;
  y: number;
}

/** 胡同: an area of the association that holds spaces. */
export interface Lane {
  id: string;
  associationId: string;
  name: string;
  geometry: LanePoint[];
  createdAt: Date;
}

interface Row {
  id: string;
  association_id: string;
  name: string;
  geometry: LanePoint[];
  created_at: Date;
}

const COLUMNS = 'id, association_id, name, geometry, created_at';

/** The `lane` table's rows as the associations feature keeps them (name and centre line). */
@Injectable()
export class LaneRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<Lane | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM lane WHERE id = $1`, [id]);
    return rows[0] ? toLane(rows[0]) : null;
  }

  async byIds(ids: string[], tx: Tx = this.transactions.autocommit): Promise<Lane[]> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM lane WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map(toLane);
  }

  async ofAssociations(ids: string[], tx: Tx = this.transactions.autocommit): Promise<Lane[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM lane WHERE association_id = ANY($1::uuid[]) ORDER BY name, id`,
      [ids],
    );
    return rows.map(toLane);
  }

  async byName(associationId: string, name: string, tx: Tx): Promise<Lane | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM lane WHERE association_id = $1 AND name = $2`,
      [associationId, name],
    );
    return rows[0] ? toLane(rows[0]) : null;
  }

  async nameTaken(associationId: string, name: string, exceptId: string | null, tx: Tx) {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM lane WHERE association_id = $1 AND name = $2 AND id IS DISTINCT FROM $3`,
      [associationId, name, exceptId],
    );
    return rows.length > 0;
  }

  async insert(tx: Tx, lane: Pick<Lane, 'associationId' | 'name' | 'geometry'>): Promise<Lane> {
    const rows: Row[] = await tx.query(
      `INSERT INTO lane (association_id, name, geometry) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [lane.associationId, lane.name, JSON.stringify(lane.geometry)],
    );
    return toLane(rows[0]!);
  }

  async update(tx: Tx, id: string, changes: { name?: string; geometry?: LanePoint[] }) {
    const rows: Row[] = await tx.query(
      `WITH changed AS (
         UPDATE lane SET name = COALESCE($2, name), geometry = COALESCE($3::jsonb, geometry)
          WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [id, changes.name ?? null, changes.geometry ? JSON.stringify(changes.geometry) : null],
    );
    return toLane(rows[0]!);
  }
}

function toLane(row: Row): Lane {
  return {
    id: row.id,
    associationId: row.association_id,
    name: row.name,
    geometry: row.geometry,
    createdAt: row.created_at,
  };
}
