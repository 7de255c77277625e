import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { formatPlate } from '../associations/plate';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';

const COLUMNS = [
  'space',
  'plate',
  'visitor',
  'checkedInAt',
  'checkedOutAt',
  'minutes',
  'checkedInBy',
  'checkedOutBy',
  'source',
  'recorderOnDuty',
];
const MAX_ROWS = 100_000;

/** 停车台账: every occupancy session of a lane, as CSV for the council's spreadsheets. */
@Injectable()
export class SessionLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly associations: AssociationsService,
  ) {}

  async exportCsv(actor: Actor, laneId: string, from?: Date, to?: Date): Promise<string> {
    const lane = await this.associations.readableLane(actor, laneId);
    const staff =
      (actor.role === 'admin' || actor.role === 'warden') &&
      actor.associationId === lane.associationId;
    if (!staff && actor.role !== 'viewer') throw DomainError.forbidden();
    const rows: {
      code: string;
      plate: string;
      vehicle_id: string | null;
      started_at: Date;
      ended_at: Date | null;
      checked_in_by: string;
      checked_out_by: string | null;
      source: string;
      recorder_on_duty: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT s.code, o.plate, o.vehicle_id, o.started_at, o.ended_at, o.source, o.recorder_on_duty,
              mi.name AS checked_in_by, mo.name AS checked_out_by
         FROM occupancy_session o
         JOIN space s ON s.id = o.space_id
         JOIN member mi ON mi.id = o.checked_in_by
         LEFT JOIN member mo ON mo.id = o.checked_out_by
        WHERE o.lane_id = $1 AND ($2::timestamptz IS NULL OR o.started_at >= $2)
          AND ($3::timestamptz IS NULL OR o.started_at < $3)
        ORDER BY o.started_at, s.code LIMIT ${MAX_ROWS}`,
      [laneId, from ?? null, to ?? null],
    );
    const body = rows.map((r) => [
      r.code,
      staff ? formatPlate(r.plate) : maskPlate(r.plate),
      r.vehicle_id === null ? 'true' : 'false',
      r.started_at.toISOString(),
      r.ended_at?.toISOString() ?? '',
      r.ended_at ? String(Math.round((r.ended_at.getTime() - r.started_at.getTime()) / 60000)) : '',
      r.checked_in_by,
      r.checked_out_by ?? '',
      r.source,
      // Empty where no warden recorded the check-in (a resident at the sticker, the council).
      r.recorder_on_duty === null ? '' : String(r.recorder_on_duty),
    ]);
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([COLUMNS, ...body]);
  }
}
