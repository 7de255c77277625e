import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import { changedRows } from '../database/changed-rows';
import type { DutyRequirementRule } from './duty-requirements';
import type { ShiftKind } from './generation';

/** Who must be on duty when, resting on an article of the convention (see duty-requirements.ts). */
export interface DutyRequirement {
  id: string;
  associationId: string;
  name: string;
  kind: ShiftKind;
  weekdays: number[];
  startMinute: number;
  endMinute: number;
  people: number;
  articleNumber: number;
}

export type DutyRequirementFields = Omit<DutyRequirement, 'id' | 'associationId'>;

interface RequirementRecord {
  id: string;
  association_id: string;
  name: string;
  kind: ShiftKind;
  weekdays: number[];
  start_minute: number;
  end_minute: number;
  people: number;
  article_number: number;
}

/** The duty_requirement table. */
@Injectable()
export class DutyRequirementRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(
    associationId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<DutyRequirement[]> {
    const rows: RequirementRecord[] = await tx.query(
      `SELECT * FROM duty_requirement WHERE association_id = $1
        ORDER BY kind DESC, start_minute, name`,
      [associationId],
    );
    return rows.map(toRequirement);
  }

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<DutyRequirement | null> {
    const rows: RequirementRecord[] = await tx.query(
      `SELECT * FROM duty_requirement WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRequirement(rows[0]) : null;
  }

  async insert(
    tx: Tx,
    associationId: string,
    fields: DutyRequirementFields,
  ): Promise<DutyRequirement> {
    const rows: RequirementRecord[] = await tx.query(
      `INSERT INTO duty_requirement (association_id, name, kind, weekdays, start_minute,
                                     end_minute, people, article_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [associationId, ...columns(fields)],
    );
    return toRequirement(rows[0]!);
  }

  async update(tx: Tx, id: string, fields: DutyRequirementFields): Promise<DutyRequirement> {
    const rows = await changedRows<RequirementRecord>(
      tx,
      `UPDATE duty_requirement
          SET name = $2, kind = $3, weekdays = $4, start_minute = $5, end_minute = $6,
              people = $7, article_number = $8, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, ...columns(fields)],
    );
    return toRequirement(rows[0]!);
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.query(`DELETE FROM duty_requirement WHERE id = $1`, [id]);
  }

  /** The requirements as the coverage rules read them. */
  async rules(
    associationId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<DutyRequirementRule[]> {
    return (await this.list(associationId, tx)).map((r) => ({
      id: r.id,
      kind: r.kind,
      weekdays: r.weekdays,
      startMinute: r.startMinute,
      endMinute: r.endMinute,
      people: r.people,
      article: r.articleNumber,
    }));
  }
}

function columns(fields: DutyRequirementFields): unknown[] {
  return [
    fields.name,
    fields.kind,
    [...fields.weekdays].sort((a, b) => a - b),
    fields.startMinute,
    fields.endMinute,
    fields.people,
    fields.articleNumber,
  ];
}

function toRequirement(row: RequirementRecord): DutyRequirement {
  return {
    id: row.id,
    associationId: row.association_id,
    name: row.name,
    kind: row.kind,
    weekdays: row.weekdays,
    startMinute: row.start_minute,
    endMinute: row.end_minute,
    people: row.people,
    articleNumber: row.article_number,
  };
}
