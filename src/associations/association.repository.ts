import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

/** 车友会: a car-owner association of one community. */
export interface Association {
  id: string;
  name: string;
  community: string;
  streetOffice: string;
  /** How many days scans and occupancy sessions are kept (the retention job). */
  whereaboutsDays: number;
  createdAt: Date;
}

interface Row {
  id: string;
  name: string;
  community: string;
  street_office: string;
  whereabouts_days: number;
  created_at: Date;
}

const COLUMNS = 'id, name, community, street_office, whereabouts_days, created_at';

/** The only SQL of the `association` table. */
@Injectable()
export class AssociationRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<Association | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM association WHERE id = $1`, [id]);
    return rows[0] ? toAssociation(rows[0]) : null;
  }

  async byIds(ids: string[], tx: Tx = this.transactions.autocommit): Promise<Association[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM association WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [ids],
    );
    return rows.map(toAssociation);
  }

  async setWhereaboutsDays(tx: Tx, id: string, days: number): Promise<void> {
    await tx.query(`UPDATE association SET whereabouts_days = $2 WHERE id = $1`, [id, days]);
  }

  /** How many days each association keeps scans and occupancy sessions. */
  async whereaboutsPeriods(tx: Tx = this.transactions.autocommit) {
    const rows: { id: string; whereabouts_days: number }[] = await tx.query(
      `SELECT id, whereabouts_days FROM association ORDER BY id`,
    );
    return rows.map((row) => ({ associationId: row.id, days: row.whereabouts_days }));
  }

  /** The associations of a street office (街道), by name. */
  async ofStreet(streetOffice: string, tx: Tx = this.transactions.autocommit) {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM association WHERE street_office = $1 ORDER BY created_at, name`,
      [streetOffice],
    );
    return rows.map(toAssociation);
  }

  /** A new association; its name is unique (association_name_key → association.name_taken). */
  async insert(
    tx: Tx,
    association: { name: string; community: string; streetOffice: string },
  ): Promise<Association> {
    const rows: Row[] = await tx.query(
      `INSERT INTO association (name, community, street_office) VALUES ($1, $2, $3)
       RETURNING ${COLUMNS}`,
      [association.name, association.community, association.streetOffice],
    );
    return toAssociation(rows[0]!);
  }

  /** Names of associations by id (a viewer grant shows the viewer's home association). */
  async namesOf(ids: string[], tx: Tx = this.transactions.autocommit) {
    const found = await this.byIds(ids, tx);
    return new Map(found.map((a) => [a.id, a.name]));
  }
}

function toAssociation(row: Row): Association {
  return {
    id: row.id,
    name: row.name,
    community: row.community,
    streetOffice: row.street_office,
    whereaboutsDays: row.whereabouts_days,
    createdAt: row.created_at,
  };
}
