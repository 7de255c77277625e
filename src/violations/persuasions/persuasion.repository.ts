import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../../database/transactions';
import type { NewPersuasion, Persuasion, RecordedOutcome } from './persuasion';
import type { PhotoType } from './persuasion-photo';

const COLUMNS = `p.id, p.association_id, p.violation_id, p.kind, p.plate, p.household_id, p.place,
  p.note, p.outcome, p.recorded_by, p.recorder_on_duty, p.occurred_at,
  COALESCE((SELECT array_agg(f.id ORDER BY f.position) FROM persuasion_photo f
             WHERE f.persuasion_id = p.id), '{}') AS photo_ids`;

/** The only SQL on `persuasion` and `persuasion_photo`. */
@Injectable()
export class PersuasionRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(p: NewPersuasion, tx?: Tx): Promise<Persuasion> {
    const rows = await this.db(tx).query<PersuasionRow[]>(
      `WITH p AS (
         INSERT INTO persuasion (association_id, violation_id, kind, plate, household_id, place,
           note, outcome, recorded_by, recorder_on_duty, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *)
       SELECT ${COLUMNS} FROM p`,
      [
        p.associationId,
        p.violationId,
        p.kind,
        p.plate,
        p.householdId,
        p.place,
        p.note,
        p.outcome,
        p.recordedBy,
        p.recorderOnDuty,
        p.occurredAt,
      ],
    );
    return toPersuasion(rows[0]!);
  }

  async findById(id: string, tx?: Tx): Promise<Persuasion | null> {
    const rows = await this.db(tx).query<PersuasionRow[]>(
      `SELECT ${COLUMNS} FROM persuasion p WHERE p.id = $1`,
      [id],
    );
    return rows[0] ? toPersuasion(rows[0]) : null;
  }

  /** The record under a row lock, so two photos sent at once take different places. */
  async lock(id: string, tx: Tx): Promise<Persuasion | null> {
    await tx.query(`SELECT 1 FROM persuasion WHERE id = $1 FOR UPDATE`, [id]);
    return this.findById(id, tx);
  }

  async addPhoto(
    photo: { persuasionId: string; position: number; contentType: PhotoType; bytes: Buffer },
    tx: Tx,
  ): Promise<string> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO persuasion_photo (persuasion_id, position, content_type, bytes)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [photo.persuasionId, photo.position, photo.contentType, photo.bytes],
    );
    return rows[0]!.id;
  }

  async photo(
    persuasionId: string,
    photoId: string,
  ): Promise<{ contentType: PhotoType; bytes: Buffer } | null> {
    const rows = await this.db().query<{ content_type: PhotoType; bytes: Buffer }[]>(
      `SELECT content_type, bytes FROM persuasion_photo WHERE id = $1 AND persuasion_id = $2`,
      [photoId, persuasionId],
    );
    return rows[0] ? { contentType: rows[0].content_type, bytes: rows[0].bytes } : null;
  }

  /** The association's records (or one household's), newest first. */
  async page(
    filter: { associationId: string; householdId?: string; violationId?: string },
    skip: number,
    take: number,
  ): Promise<{ rows: Persuasion[]; total: number }> {
    const where = `p.association_id = $1 AND ($2::uuid IS NULL OR p.household_id = $2)
      AND ($3::uuid IS NULL OR p.violation_id = $3)`;
    const params = [filter.associationId, filter.householdId ?? null, filter.violationId ?? null];
    const [rows, counted] = await Promise.all([
      this.db().query<PersuasionRow[]>(
        `SELECT ${COLUMNS} FROM persuasion p WHERE ${where}
          ORDER BY p.occurred_at DESC, p.id LIMIT $4 OFFSET $5`,
        [...params, take, skip],
      ),
      this.db().query<{ count: string }[]>(
        `SELECT count(*) FROM persuasion p WHERE ${where}`,
        params,
      ),
    ]);
    return { rows: rows.map(toPersuasion), total: Number(counted[0]?.count ?? 0) };
  }

  /** Counts by Asia/Shanghai month and outcome over the twelve months before `now`. */
  async monthlyCounts(
    associationId: string,
    now: Date,
  ): Promise<{ month: string; outcome: RecordedOutcome; count: number }[]> {
    const rows = await this.db().query<
      { month: string; outcome: RecordedOutcome; count: string }[]
    >(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, outcome,
              count(*)
         FROM persuasion
        WHERE association_id = $1
          AND occurred_at > $2::timestamptz - interval '12 months' AND occurred_at <= $2
        GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
      [associationId, now],
    );
    return rows.map((r) => ({ month: r.month, outcome: r.outcome, count: Number(r.count) }));
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.transactions.autocommit;
  }
}

interface PersuasionRow {
  id: string;
  association_id: string;
  violation_id: string | null;
  kind: Persuasion['kind'];
  plate: string | null;
  household_id: string | null;
  place: string;
  note: string;
  outcome: Persuasion['outcome'];
  recorded_by: string | null;
  recorder_on_duty: boolean | null;
  occurred_at: Date;
  photo_ids: string[];
}

function toPersuasion(r: PersuasionRow): Persuasion {
  return {
    id: r.id,
    associationId: r.association_id,
    violationId: r.violation_id,
    kind: r.kind,
    plate: r.plate,
    householdId: r.household_id,
    place: r.place,
    note: r.note,
    outcome: r.outcome,
    recordedBy: r.recorded_by,
    recorderOnDuty: r.recorder_on_duty,
    occurredAt: r.occurred_at,
    photoIds: r.photo_ids,
  };
}
