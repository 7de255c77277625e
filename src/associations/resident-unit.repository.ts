import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { ResidentUnitKind } from '../shared/api/units';

export { RESIDENT_UNIT_KINDS, type ResidentUnitKind } from '../shared/api/units';

/** 驻区单位: an office, company, school or hospital of the area that lends spaces off-peak. */
export interface ResidentUnit {
  id: string;
  associationId: string;
  name: string;
  kind: ResidentUnitKind;
  address: string;
  createdAt: Date;
}

interface Row {
  id: string;
  association_id: string;
  name: string;
  kind: ResidentUnitKind;
  address: string;
  created_at: Date;
}

const COLUMNS = 'id, association_id, name, kind, address, created_at';

/** The only SQL of `resident_unit` (驻区单位). */
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

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<ResidentUnit | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM resident_unit WHERE id = $1`, [id]);
    return rows[0] ? toUnit(rows[0]) : null;
  }

  /** Locks the unit's row: its agreement versions are numbered one after another. */
  async lock(tx: Tx, id: string): Promise<ResidentUnit | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM resident_unit WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toUnit(rows[0]) : null;
  }

  /** The units of these associations, by association and name. */
  async ofAssociations(
    associationIds: string[],
    tx: Tx = this.transactions.autocommit,
  ): Promise<ResidentUnit[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM resident_unit WHERE association_id = ANY($1::uuid[])
        ORDER BY association_id, name`,
      [associationIds],
    );
    return rows.map(toUnit);
  }

  /** A new unit; its name is unique in the association (resident_unit_name_key). */
  async insert(
    tx: Tx,
    unit: { associationId: string; name: string; kind: ResidentUnitKind; address: string },
  ): Promise<ResidentUnit> {
    const rows: Row[] = await tx.query(
      `INSERT INTO resident_unit (association_id, name, kind, address) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [unit.associationId, unit.name, unit.kind, unit.address],
    );
    return toUnit(rows[0]!);
  }

  async update(
    tx: Tx,
    id: string,
    changes: { name?: string; kind?: ResidentUnitKind; address?: string },
  ): Promise<ResidentUnit> {
    const rows: Row[] = await tx.query(
      `UPDATE resident_unit
          SET name = COALESCE($2, name), kind = COALESCE($3, kind), address = COALESCE($4, address)
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, changes.name ?? null, changes.kind ?? null, changes.address ?? null],
    );
    return toUnit(rows[0]!);
  }
}

function toUnit(row: Row): ResidentUnit {
  return {
    id: row.id,
    associationId: row.association_id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    createdAt: row.created_at,
  };
}
