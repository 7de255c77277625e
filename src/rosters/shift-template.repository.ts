import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import type { ShiftKind, TemplateForPlan } from './generation';

/** A recurring shift the association staffs, e.g. 晚班 16:00–24:00 daily, one warden. */
export interface ShiftTemplate {
  id: string;
  associationId: string;
  name: string;
  kind: ShiftKind;
  /** Minutes after Beijing midnight. */
  startMinute: number;
  durationMinutes: number;
  weekdays: number[];
  minOnDuty: number;
  laneIds: string[];
  active: boolean;
}

interface TemplateRecord {
  id: string;
  association_id: string;
  name: string;
  kind: ShiftKind;
  start_minute: number;
  duration_minutes: number;
  weekdays: number[];
  min_on_duty: number;
  lane_ids: string[];
  active: boolean;
}

/** The shift_template table. */
@Injectable()
export class ShiftTemplateRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(associationId: string): Promise<ShiftTemplate[]> {
    const rows: TemplateRecord[] = await this.transactions.autocommit.query(
      `SELECT * FROM shift_template WHERE association_id = $1
        ORDER BY kind DESC, start_minute, name`,
      [associationId],
    );
    return rows.map(toTemplate);
  }

  async insert(tx: Tx, template: Omit<ShiftTemplate, 'id'>): Promise<ShiftTemplate> {
    const rows: TemplateRecord[] = await tx.query(
      `INSERT INTO shift_template (association_id, name, kind, start_minute, duration_minutes,
                                   weekdays, min_on_duty, lane_ids, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        template.associationId,
        template.name,
        template.kind,
        template.startMinute,
        template.durationMinutes,
        template.weekdays,
        template.minOnDuty,
        template.laneIds,
        template.active,
      ],
    );
    return toTemplate(rows[0]!);
  }

  /** The active templates, in the order the generator deals them. */
  async activeForPlan(tx: Tx, associationId: string): Promise<TemplateForPlan[]> {
    const rows: TemplateRecord[] = await tx.query(
      `SELECT * FROM shift_template WHERE association_id = $1 AND active
        ORDER BY start_minute, name`,
      [associationId],
    );
    return rows.map((t) => ({
      id: t.id,
      kind: t.kind,
      startMinute: t.start_minute,
      durationMinutes: t.duration_minutes,
      weekdays: t.weekdays,
      minOnDuty: t.min_on_duty,
    }));
  }
}

function toTemplate(row: TemplateRecord): ShiftTemplate {
  return {
    id: row.id,
    associationId: row.association_id,
    name: row.name,
    kind: row.kind,
    startMinute: row.start_minute,
    durationMinutes: row.duration_minutes,
    weekdays: row.weekdays,
    minOnDuty: row.min_on_duty,
    laneIds: row.lane_ids,
    active: row.active,
  };
}
