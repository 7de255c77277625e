import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../associations/plate';
import { associationToRead } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { articleLabel } from '../conventions/convention-parameters';

export const VIOLATION_LEDGER_COLUMNS = [
  'occurredAt',
  'kind',
  'plate',
  'household',
  'place',
  'article',
  'step',
  'action',
  'suspendedUntil',
  'recordedBy',
  'recorderOnDuty',
  'appealStatus',
  'appealReason',
  'appealNote',
  'conventionVersion',
] as const;

/** 台账 of violations, persuasion to suspension, with every appeal and its answer; and its figures. */
@Injectable()
export class ViolationLedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportCsv(actor: Actor, associationId?: string): Promise<string> {
    const id = associationToRead(actor, associationId);
    if (actor.role !== 'admin' && actor.role !== 'viewer') throw DomainError.forbidden();
    // The street office reads the ledger; plates stay with the association's council.
    const council = actor.role === 'admin';
    const rows: {
      occurred_at: Date;
      kind: string;
      plate: string;
      address: string | null;
      place: string;
      article_number: number | null;
      step: number;
      action: string;
      suspended_until: Date | null;
      recorder: string | null;
      recorder_on_duty: boolean | null;
      appeal_status: string;
      appeal_reason: string | null;
      appeal_note: string | null;
      version: number | null;
    }[] = await this.dataSource.query(
      `SELECT v.occurred_at, v.kind, v.plate, h.address, v.place, v.article_number, v.step,
              v.action, v.suspended_until, m.name AS recorder, v.recorder_on_duty, v.appeal_status, v.appeal_reason,
              v.appeal_note, cv.number AS version
         FROM violation v
         LEFT JOIN household h ON h.id = v.household_id
         LEFT JOIN member m ON m.id = v.recorded_by
         LEFT JOIN convention_version cv ON cv.id = v.version_id
        WHERE v.association_id = $1
        ORDER BY v.occurred_at`,
      [id],
    );
    const body = rows.map((r) => [
      r.occurred_at.toISOString(),
      r.kind,
      council ? formatPlate(r.plate) : maskPlate(r.plate),
      council ? (r.address ?? '') : '',
      r.place,
      r.article_number ? articleLabel(r.article_number) : '',
      r.step,
      r.action,
      r.suspended_until?.toISOString() ?? '',
      r.recorder ?? '',
      r.recorder_on_duty === null ? '' : String(r.recorder_on_duty),
      r.appeal_status,
      council ? (r.appeal_reason ?? '') : '',
      r.appeal_note ?? '',
      r.version ?? '',
    ]);
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([[...VIOLATION_LEDGER_COLUMNS], ...body]);
  }

  /**
   * Counts by Asia/Shanghai month and kind over the twelve months before `now`, for the public
   * board: no plates, no households. Overturned violations do not count.
   */
  async monthlyStatistics(
    associationId: string,
    now: Date,
  ): Promise<{ month: string; kind: string; count: number }[]> {
    const rows = await this.dataSource.query<{ month: string; kind: string; count: string }[]>(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, kind, count(*)
         FROM violation
        WHERE association_id = $1 AND appeal_status <> 'overturned'
          AND occurred_at > $2::timestamptz - interval '12 months' AND occurred_at <= $2
        GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
      [associationId, now],
    );
    return rows.map((r) => ({ month: r.month, kind: r.kind, count: Number(r.count) }));
  }
}
