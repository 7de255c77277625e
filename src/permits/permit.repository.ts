import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import { formatPlate } from '../shared/plate';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import type { Permit, NewPermit, PermitChange, VersionedPermit } from './permit';
import type { PermitStatus, StoredStatus } from './permit-status';
import type { PermitKind } from './permit-token';

const COLUMNS = `id, number, association_id, kind, vehicle_id, household_id, plate, lane_id,
  car_park_id, status, valid_from, valid_to, suspended_until, suspension_reason, fee_cny,
  paid_cny, fee_paid_at, token_kid, applied_by, note, created_at, updated_at`;

interface PermitRow {
  id: string;
  number: string;
  association_id: string;
  kind: PermitKind;
  vehicle_id: string | null;
  household_id: string | null;
  plate: string;
  lane_id: string | null;
  car_park_id: string | null;
  status: StoredStatus;
  valid_from: Date;
  valid_to: Date;
  suspended_until: Date | null;
  suspension_reason: string | null;
  fee_cny: string;
  paid_cny: string;
  fee_paid_at: Date | null;
  token_kid: string | null;
  applied_by: string | null;
  note: string;
  created_at: Date;
  updated_at: Date;
}

export interface PermitFilter {
  associationId: string;
  householdId?: string | null;
  kind?: PermitKind;
  vehicleId?: string;
  status?: PermitStatus;
  now: Date;
}

// TypeORM answers a bare UPDATE … RETURNING with [rows, count]: the updates below return their
// rows through a WITH … SELECT instead.

/**
 * The only code that speaks SQL to `permit`. Plain SQL: the row lock of a transition and the
 * one-active-permit index are where the permit's invariants live.
 */
@Injectable()
export class PermitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, tx?: Tx): Promise<Permit | null> {
    return this.one(`SELECT ${COLUMNS} FROM permit WHERE id = $1`, [id], tx);
  }

  /** The permit under a row lock until `tx` ends: its transitions happen one at a time. */
  async lock(id: string, tx: Tx): Promise<Permit | null> {
    return this.one(`SELECT ${COLUMNS} FROM permit WHERE id = $1 FOR UPDATE`, [id], tx);
  }

  /**
   * The hot path of a scan by token or typed number: the permit with its row version (`xmin`),
   * for `permitUnchangedSql`.
   */
  async findByNumberVersioned(number: number): Promise<VersionedPermit | null> {
    const rows: (PermitRow & { row_version: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, xmin::text AS row_version FROM permit WHERE number = $1`,
      [number],
    );
    return rows[0] ? { permit: toPermit(rows[0]), version: rows[0].row_version } : null;
  }

  async findByIds(ids: string[], tx?: Tx): Promise<Permit[]> {
    if (ids.length === 0) return [];
    return this.many(`SELECT ${COLUMNS} FROM permit WHERE id = ANY($1::uuid[])`, [ids], tx);
  }

  /** Every permit a household has held (resident permits and visitor passes alike). */
  async ofHousehold(householdId: string): Promise<Permit[]> {
    return this.many(`SELECT ${COLUMNS} FROM permit WHERE household_id = $1`, [householdId]);
  }

  /** An association's permits for a plate, the latest ending first. */
  async findByPlate(associationId: string, plate: string, limit: number): Promise<Permit[]> {
    return this.many(
      `SELECT ${COLUMNS} FROM permit WHERE association_id = $1 AND plate = $2
        ORDER BY valid_to DESC LIMIT $3`,
      [associationId, plate, limit],
    );
  }

  /** Permits of a plate that are active and not past their end at `now`, the latest first. */
  async inForceByPlate(associationId: string, plate: string, now: Date): Promise<Permit[]> {
    return this.many(
      `SELECT ${COLUMNS} FROM permit
        WHERE association_id = $1 AND plate = $2 AND status = 'active' AND valid_to > $3
        ORDER BY valid_to DESC`,
      [associationId, plate, now],
    );
  }

  /** Permits still pending or active of a vehicle, or of a household (any vehicle or none). */
  async unendedOf(holder: { vehicleId: string } | { householdId: string }, tx: Tx) {
    const [column, id] =
      'vehicleId' in holder
        ? ['vehicle_id', holder.vehicleId]
        : ['household_id', holder.householdId];
    return this.many(
      `SELECT ${COLUMNS} FROM permit WHERE ${column} = $1 AND status IN ('pending', 'active')`,
      [id],
      tx,
    );
  }

  async activeResidentOf(vehicleId: string, tx?: Tx): Promise<Permit | null> {
    return this.one(
      `SELECT ${COLUMNS} FROM permit
        WHERE vehicle_id = $1 AND kind = 'resident' AND status = 'active'
        ORDER BY valid_to DESC LIMIT 1`,
      [vehicleId],
      tx,
    );
  }

  /**
   * The household's other cars holding a resident permit at `now` (active and not past its end;
   * with `pending`, awaiting approval too): what the convention's vehiclesPerHousehold counts.
   */
  async countOtherCarsWithPermits(
    householdId: string,
    vehicleId: string,
    now: Date,
    { pending }: { pending: boolean },
    tx: Tx,
  ): Promise<number> {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(DISTINCT vehicle_id) FROM permit
        WHERE household_id = $1 AND kind = 'resident' AND vehicle_id <> $2
          AND ((status = 'active' AND valid_to > $3) OR ($4 AND status = 'pending'))`,
      [householdId, vehicleId, now, pending],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async page(filter: PermitFilter, skip: number, take: number): Promise<[Permit[], number]> {
    const params: unknown[] = [filter.associationId];
    const where = ['association_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.householdId !== undefined) where.push(`household_id = ${param(filter.householdId)}`);
    if (filter.kind) where.push(`kind = ${param(filter.kind)}`);
    if (filter.vehicleId) where.push(`vehicle_id = ${param(filter.vehicleId)}`);
    if (filter.status) where.push(statusCondition(filter.status, () => param(filter.now)));
    const condition = where.join(' AND ');
    const rows = await this.many(
      `SELECT ${COLUMNS} FROM permit WHERE ${condition}
        ORDER BY number DESC LIMIT ${param(take)} OFFSET ${param(skip)}`,
      params,
    );
    const counted: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM permit WHERE ${condition}`,
      params.slice(0, params.length - 2),
    );
    return [rows, Number(counted[0]?.count ?? 0)];
  }

  async insert(permit: NewPermit, tx: Tx): Promise<Permit> {
    const rows = await this.write(
      permit.plate,
      tx,
      `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, lane_id,
          car_park_id, status, valid_from, valid_to, fee_cny, guest_token, applied_by, note,
          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
       RETURNING ${COLUMNS}`,
      [
        permit.associationId,
        permit.kind,
        permit.vehicleId,
        permit.householdId,
        permit.plate,
        permit.laneId ?? null,
        permit.carParkId ?? null,
        permit.status,
        permit.validFrom,
        permit.validTo,
        permit.feeCny ?? 0,
        permit.guestToken ?? null,
        permit.appliedBy,
        permit.note ?? '',
        permit.at,
      ],
    );
    return toPermit(rows[0]!);
  }

  /** One lifecycle step; `forgetToken` drops the signed token so the next view signs afresh. */
  async update(current: Permit, change: PermitChange, at: Date, tx: Tx): Promise<Permit> {
    const sets: string[] = [];
    const params: unknown[] = [current.id, at];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (change.status !== undefined) set('status', change.status);
    if (change.validFrom !== undefined) set('valid_from', change.validFrom);
    if (change.validTo !== undefined) set('valid_to', change.validTo);
    if (change.suspendedUntil !== undefined) set('suspended_until', change.suspendedUntil);
    if (change.suspensionReason !== undefined) set('suspension_reason', change.suspensionReason);
    if (change.feePaidAt !== undefined) set('fee_paid_at', change.feePaidAt);
    if (change.paidCny !== undefined) set('paid_cny', change.paidCny);
    if (change.forgetToken) sets.push('token = NULL', 'token_kid = NULL');
    const rows = await this.write(
      current.plate,
      tx,
      `WITH changed AS (
         UPDATE permit SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      params,
    );
    return toPermit(rows[0]!);
  }

  /** Old permits of the same vehicle, kind and place past their end give up the active slot. */
  async expireLapsed(permit: Permit, now: Date, tx: Tx): Promise<string[]> {
    if (!permit.vehicleId) return [];
    const rows: { id: string }[] = await tx.query(
      `WITH lapsed AS (
         UPDATE permit SET status = 'expired', updated_at = $5
          WHERE vehicle_id = $1 AND kind = $2 AND status = 'active' AND valid_to <= $5 AND id <> $6
            AND lane_id IS NOT DISTINCT FROM $3 AND car_park_id IS NOT DISTINCT FROM $4
          RETURNING id)
       SELECT id FROM lapsed`,
      [permit.vehicleId, permit.kind, permit.laneId, permit.carParkId, now, permit.id],
    );
    return rows.map((r) => r.id);
  }

  async storedToken(id: string, tx?: Tx): Promise<string | null> {
    const rows: { token: string | null }[] = await this.db(tx).query(
      `SELECT token FROM permit WHERE id = $1`,
      [id],
    );
    return rows[0]?.token ?? null;
  }

  /** Keeps `token` unless one is stored already (two first views at once: the first wins). */
  async storeToken(id: string, token: string, kid: string, tx?: Tx): Promise<string | null> {
    const rows: { token: string }[] = await this.db(tx).query(
      `WITH signed AS (
         UPDATE permit SET token = $2, token_kid = $3 WHERE id = $1 AND token IS NULL RETURNING token)
       SELECT token FROM signed`,
      [id, token, kid],
    );
    return rows[0]?.token ?? null;
  }

  async findByGuestToken(guestToken: string): Promise<Permit | null> {
    return this.one(`SELECT ${COLUMNS} FROM permit WHERE guest_token = $1`, [guestToken]);
  }

  /**
   * Serialises a household's visitor passes until `tx` ends, so two phones cannot both take the
   * last pass of the month.
   */
  async lockVisitorPassesOf(householdId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('visitor-pass:' || $1))`, [householdId]);
  }

  async countVisitorPassesSince(householdId: string, since: Date, tx: Tx): Promise<number> {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM permit
        WHERE household_id = $1 AND kind = 'visitor' AND created_at >= $2 AND status <> 'rejected'`,
      [householdId, since],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Permits whose token `kid` signed and that a warden may still be shown. */
  async countLiveTokensSignedWith(kid: string, now: Date, tx: Tx): Promise<number> {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM permit WHERE token_kid = $1 AND valid_to > $2 AND status <> 'revoked'`,
      [kid, now],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Lapsed permits forget a removed key's token; a renewal signs a fresh one. */
  async forgetTokensSignedWith(kid: string, tx: Tx): Promise<void> {
    await tx.query(`UPDATE permit SET token = NULL, token_kid = NULL WHERE token_kid = $1`, [kid]);
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.dataSource.manager;
  }

  private async one(sql: string, params: unknown[], tx?: Tx): Promise<Permit | null> {
    const rows: PermitRow[] = await this.db(tx).query(sql, params);
    return rows[0] ? toPermit(rows[0]) : null;
  }

  private async many(sql: string, params: unknown[], tx?: Tx): Promise<Permit[]> {
    const rows: PermitRow[] = await this.db(tx).query(sql, params);
    return rows.map(toPermit);
  }

  /** A write that may meet the one-active-permit index: refused with the plate it is about. */
  private async write(plate: string, tx: Tx, sql: string, params: unknown[]) {
    try {
      return await tx.query<PermitRow[]>(sql, params);
    } catch (error) {
      const constraint = (error instanceof QueryFailedError ? error.driverError : {}) as {
        constraint?: string;
      };
      if (constraint.constraint === 'permit_one_active_per_scope') {
        throw new DomainError('permit.already_active', { plate: formatPlate(plate) });
      }
      throw error;
    }
  }
}

/** A computed status as SQL over the stored one (see statusAt); `now` adds the clock's param. */
function statusCondition(status: PermitStatus, now: () => string): string {
  switch (status) {
    case 'active': {
      const at = now();
      return `(status = 'active' AND valid_to > ${at} AND valid_from <= ${at}
               AND NOT coalesce(suspended_until > ${at}, false))`;
    }
    case 'suspended': {
      const at = now();
      return `(status = 'active' AND valid_to > ${at} AND suspended_until > ${at})`;
    }
    case 'scheduled': {
      const at = now();
      return `(status = 'active' AND valid_to > ${at} AND valid_from > ${at}
               AND NOT coalesce(suspended_until > ${at}, false))`;
    }
    case 'expired':
      return `(status = 'expired' OR (status = 'active' AND valid_to <= ${now()}))`;
    case 'pending':
    case 'rejected':
    case 'revoked':
      return `status = '${status}'`;
  }
}

function toPermit(row: PermitRow): Permit {
  return {
    id: row.id,
    number: Number(row.number),
    associationId: row.association_id,
    kind: row.kind,
    vehicleId: row.vehicle_id,
    householdId: row.household_id,
    plate: row.plate,
    laneId: row.lane_id,
    carParkId: row.car_park_id,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    suspendedUntil: row.suspended_until,
    suspensionReason: row.suspension_reason,
    feeCny: Number(row.fee_cny),
    paidCny: Number(row.paid_cny),
    feePaidAt: row.fee_paid_at,
    tokenKid: row.token_kid,
    appliedBy: row.applied_by,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
