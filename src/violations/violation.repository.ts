import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { AppealStatus, NewViolation, Violation, ViolationKind } from './violation';

/** Whose earlier violations count on the ladder: the household's car, or an unknown plate. */
/** Which violations a list or a ledger shows; `from`/`to` bound when they happened. */
export interface ViolationFilter {
  associationId: string;
  householdId?: string;
  appealStatus?: AppealStatus;
  kind?: ViolationKind;
  from?: Date;
  to?: Date;
}

function filterSql(filter: ViolationFilter): [string, unknown[]] {
  return [
    `association_id = $1 AND ($2::uuid IS NULL OR household_id = $2)
      AND ($3::text IS NULL OR appeal_status = $3) AND ($4::text IS NULL OR kind = $4)
      AND ($5::timestamptz IS NULL OR occurred_at >= $5)
      AND ($6::timestamptz IS NULL OR occurred_at < $6)`,
    [
      filter.associationId,
      filter.householdId ?? null,
      filter.appealStatus ?? null,
      filter.kind ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  ];
}

export type LadderSubject = { householdId: string } | { plate: string };

const COLUMNS = `id, association_id, version_id, article_number, cited_rule, grace_minutes, kind, plate, vehicle_id,
  household_id, place, occurred_at, recorded_by, recorder_on_duty, step, action, suspended_until,
  permit_id, appeal_status, appeal_reason, appeal_note, appeal_decided_by, appeal_decided_at,
  created_at`;

/** Every statement on the violation table, appeals included. Plain SQL: the ladder's lock is here. */
@Injectable()
export class ViolationRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Two wardens recording the same car at once must not both see "first violation": the ladder
   * of one household (or plate) is climbed one record at a time, until the caller commits.
   */
  async lockLadder(subject: LadderSubject, tx: Tx): Promise<void> {
    const key = 'householdId' in subject ? subject.householdId : subject.plate;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('violation:' || $1))`, [key]);
  }

  /** When the subject's earlier violations (not overturned on appeal) happened, up to `until`. */
  async earlierDates(
    associationId: string,
    subject: LadderSubject,
    until: Date,
    tx: Tx,
  ): Promise<Date[]> {
    const [column, value] =
      'householdId' in subject ? ['household_id', subject.householdId] : ['plate', subject.plate];
    const rows = await tx.query<{ occurred_at: Date }[]>(
      `SELECT occurred_at FROM violation
        WHERE association_id = $1 AND appeal_status <> 'overturned' AND occurred_at <= $2
          AND ${column} = $3`,
      [associationId, until, value],
    );
    return rows.map((r) => r.occurred_at);
  }

  async insert(v: NewViolation, tx: Tx): Promise<Violation> {
    const rows = await tx.query<ViolationRow[]>(
      `INSERT INTO violation (association_id, version_id, article_number, kind, plate, vehicle_id,
         household_id, place, occurred_at, photo, recorded_by, recorder_on_duty, step, action,
         suspended_until, cited_rule, grace_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING ${COLUMNS}`,
      [
        v.associationId,
        v.versionId,
        v.articleNumber,
        v.kind,
        v.plate,
        v.vehicleId,
        v.householdId,
        v.place,
        v.occurredAt,
        v.photo ?? null,
        v.recordedBy,
        v.recorderOnDuty,
        v.step,
        v.action,
        v.suspendedUntil,
        v.citedRule,
        v.graceMinutes,
      ],
    );
    return toViolation(rows[0]!);
  }

  async setPermit(id: string, permitId: string, tx: Tx): Promise<void> {
    await tx.query(`UPDATE violation SET permit_id = $2 WHERE id = $1`, [id, permitId]);
  }

  async findById(id: string, options: { withPhoto?: boolean } = {}): Promise<Violation | null> {
    const rows = await this.db().query<ViolationRow[]>(
      `SELECT ${COLUMNS}${options.withPhoto ? ', photo' : ''} FROM violation WHERE id = $1`,
      [id],
    );
    return rows[0] ? toViolation(rows[0]) : null;
  }

  /** A page of the association's violations, newest first, optionally one household's only. */
  async page(
    filter: ViolationFilter,
    skip: number,
    take: number,
  ): Promise<{ rows: Violation[]; total: number }> {
    const [where, params] = filterSql(filter);
    const [rows, counted] = await Promise.all([
      this.db().query<ViolationRow[]>(
        `SELECT ${COLUMNS} FROM violation WHERE ${where}
          ORDER BY occurred_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, take, skip],
      ),
      this.db().query<{ count: string }[]>(`SELECT count(*) FROM violation WHERE ${where}`, params),
    ]);
    return { rows: rows.map(toViolation), total: Number(counted[0]?.count ?? 0) };
  }

  /**
   * The rows `page` lists, in the same order, `batch` at a time after the last one seen: keyset,
   * so a ledger of 100,000 rows is read without holding it or re-counting offsets.
   */
  async *inLedgerOrder(filter: ViolationFilter, batch = 500): AsyncGenerator<Violation[]> {
    const [where, params] = filterSql(filter);
    // The time as text: a Date would drop its microseconds and skip rows of one millisecond.
    let after: { occurredAt: string; id: string } | null = null;
    for (;;) {
      const n = params.length;
      const rows: (ViolationRow & { key_at: string })[] = await this.db().query(
        `SELECT ${COLUMNS}, occurred_at::text AS key_at FROM violation WHERE ${where}
           AND ($${n + 1}::timestamptz IS NULL OR (occurred_at, id) < ($${n + 1}, $${n + 2}::uuid))
          ORDER BY occurred_at DESC, id DESC LIMIT $${n + 3}`,
        [...params, after?.occurredAt ?? null, after?.id ?? null, batch],
      );
      if (rows.length === 0) return;
      const violations = rows.map(toViolation);
      yield violations;
      const last = rows[rows.length - 1]!;
      after = { occurredAt: last.key_at, id: last.id };
      if (rows.length < batch) return;
    }
  }

  /** The household's appeal; false when the violation was already appealed. */
  async appeal(id: string, reason: string): Promise<boolean> {
    const rows = await this.db().query<{ id: string }[]>(
      // As a CTE, so the driver answers rows as for a SELECT.
      `WITH appealed AS (
         UPDATE violation SET appeal_status = 'pending', appeal_reason = $2
          WHERE id = $1 AND appeal_status = 'none' RETURNING id)
       SELECT id FROM appealed`,
      [id, reason],
    );
    return rows.length > 0;
  }

  /** The council's answer; false when there is no pending appeal to answer. */
  async decide(
    id: string,
    decision: { status: 'upheld' | 'overturned'; note: string; by: string; at: Date },
  ): Promise<boolean> {
    const rows = await this.db().query<{ id: string }[]>(
      `WITH decided AS (
         UPDATE violation SET appeal_status = $2, appeal_note = $3, appeal_decided_by = $4,
                appeal_decided_at = $5
          WHERE id = $1 AND appeal_status = 'pending' RETURNING id)
       SELECT id FROM decided`,
      [id, decision.status, decision.note, decision.by, decision.at],
    );
    return rows.length > 0;
  }

  /** Every violation of the association, oldest first, for the ledger. */
  async allOf(associationId: string): Promise<Violation[]> {
    const rows = await this.db().query<ViolationRow[]>(
      `SELECT ${COLUMNS} FROM violation WHERE association_id = $1 ORDER BY occurred_at, id`,
      [associationId],
    );
    return rows.map(toViolation);
  }

  /** Counts by Asia/Shanghai month and kind over the twelve months before `now`; not overturned. */
  async monthlyCounts(
    associationId: string,
    now: Date,
  ): Promise<{ month: string; kind: string; count: number }[]> {
    const rows = await this.db().query<{ month: string; kind: string; count: string }[]>(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, kind, count(*)
         FROM violation
        WHERE association_id = $1 AND appeal_status <> 'overturned'
          AND occurred_at > $2::timestamptz - interval '12 months' AND occurred_at <= $2
        GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
      [associationId, now],
    );
    return rows.map((r) => ({ month: r.month, kind: r.kind, count: Number(r.count) }));
  }

  private db(): Tx {
    return this.transactions.autocommit;
  }
}

interface ViolationRow {
  id: string;
  association_id: string;
  version_id: string | null;
  article_number: number | null;
  cited_rule: Violation['citedRule'];
  grace_minutes: number | null;
  kind: Violation['kind'];
  plate: string;
  vehicle_id: string | null;
  household_id: string | null;
  place: string;
  occurred_at: Date;
  photo?: string | null;
  recorded_by: string | null;
  recorder_on_duty: boolean | null;
  step: number;
  action: Violation['action'];
  suspended_until: Date | null;
  permit_id: string | null;
  appeal_status: AppealStatus;
  appeal_reason: string | null;
  appeal_note: string | null;
  appeal_decided_by: string | null;
  appeal_decided_at: Date | null;
  created_at: Date;
}

function toViolation(r: ViolationRow): Violation {
  return {
    id: r.id,
    associationId: r.association_id,
    versionId: r.version_id,
    articleNumber: r.article_number,
    citedRule: r.cited_rule,
    graceMinutes: r.grace_minutes,
    kind: r.kind,
    plate: r.plate,
    vehicleId: r.vehicle_id,
    householdId: r.household_id,
    place: r.place,
    occurredAt: r.occurred_at,
    ...(r.photo !== undefined ? { photo: r.photo } : {}),
    recordedBy: r.recorded_by,
    recorderOnDuty: r.recorder_on_duty,
    step: r.step,
    action: r.action,
    suspendedUntil: r.suspended_until,
    permitId: r.permit_id,
    appealStatus: r.appeal_status,
    appealReason: r.appeal_reason,
    appealNote: r.appeal_note,
    appealDecidedBy: r.appeal_decided_by,
    appealDecidedAt: r.appeal_decided_at,
    createdAt: r.created_at,
  };
}
