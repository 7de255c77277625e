import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { SizeClass } from '../shared/lane-geometry';
import type {
  Availability,
  Consent,
  RestrictionRecord,
  SpaceKind,
  SpaceRecord,
} from './space-record';

/** Where a space is painted: its centre on the schematic and its place along the lane. */
export interface SpacePlacement {
  x: number;
  y: number;
  angle: number;
  chainageFrom: number;
  chainageTo: number;
  side: 1 | -1;
  sizeClass: SizeClass;
}

export interface NewSpace extends SpacePlacement {
  associationId: string;
  laneId: string;
  code: string;
  householdId: string | null;
  consent: 'pending' | 'approved';
  objectionUntil: Date | null;
}

export interface SpaceChanges extends SpacePlacement {
  availability: Availability;
  closedReason: string | null;
  householdId: string | null;
}

interface Row {
  id: string;
  association_id: string;
  lane_id: string;
  code: string;
  x: string;
  y: string;
  angle: string;
  chainage_from: string;
  chainage_to: string;
  side: number;
  size_class: SizeClass;
  kind: SpaceKind;
  household_id: string | null;
  availability: Availability;
  closed_reason: string | null;
  consent: Consent;
  objection_until: Date | null;
  objections: number;
  undecided_objections: number;
  sticker_token: string;
  restrictions: RestrictionRecord[];
  session_id: string | null;
  plate: string | null;
  vehicle_id: string | null;
  occupant_household_id: string | null;
  started_at: Date | null;
}

// A space with its open session, its objection counts and its restriction windows, in one row.
const SELECT_SPACES = `
  SELECT s.*, o.id AS session_id, o.plate, o.vehicle_id, o.started_at,
         o.household_id AS occupant_household_id,
         (SELECT count(*)::int FROM space_objection so WHERE so.space_id = s.id) AS objections,
         (SELECT count(*)::int FROM space_objection so
           WHERE so.space_id = s.id AND so.decision IS NULL) AS undecided_objections,
         COALESCE((SELECT json_agg(json_build_object(
                     'id', r.id, 'from', to_char(r.from_time, 'HH24:MI'),
                     'to', to_char(r.to_time, 'HH24:MI'), 'days', r.days, 'reason', r.reason)
                   ORDER BY r.from_time)
                   FROM space_restriction r WHERE r.space_id = s.id), '[]') AS restrictions
    FROM space s
    LEFT JOIN occupancy_session o ON o.space_id = s.id AND o.ended_at IS NULL`;

/**
 * The space aggregate: `space` with its restriction windows and facing households, and the
 * lane's live map sequence (`lane_map`). Reads join the open session and the objection counts,
 * because a space's state depends on them.
 */
@Injectable()
export class SpaceRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Called first inside every transaction that changes a lane's spaces: locks the lane's map row
   * (so changes of one lane commit one at a time, and the clear-passage check sees all of them)
   * and returns the lane's next seq for the live map.
   */
  async nextSeq(tx: Tx, laneId: string): Promise<number> {
    const rows: { seq: string }[] = await tx.query(
      `INSERT INTO lane_map (lane_id, seq) VALUES ($1, 1)
       ON CONFLICT (lane_id) DO UPDATE SET seq = lane_map.seq + 1 RETURNING seq`,
      [laneId],
    );
    return Number(rows[0]!.seq);
  }

  /**
   * The lane's spaces on the map (withdrawn ones, whose consent was refused, are not) and the
   * seq they are at, in one statement: one snapshot, so the two always belong together.
   */
  async laneMap(
    laneId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<{ seq: number; spaces: SpaceRecord[] }> {
    const rows: (Partial<Row> & { map_seq: string })[] = await tx.query(
      `WITH map AS (SELECT COALESCE((SELECT seq FROM lane_map WHERE lane_id = $1), 0) AS map_seq)
       SELECT map.map_seq, spaces.* FROM map
         LEFT JOIN (${SELECT_SPACES} WHERE s.lane_id = $1 AND s.consent <> 'rejected') spaces ON true
        ORDER BY spaces.code`,
      [laneId],
    );
    return {
      seq: Number(rows[0]?.map_seq ?? 0),
      spaces: rows.filter((row): row is Row & { map_seq: string } => !!row.id).map(toRecord),
    };
  }

  /** Spaces where a household's own car is parked now, in every association. */
  async occupiedByHouseholds(tx: Tx = this.transactions.autocommit): Promise<SpaceRecord[]> {
    const rows: Row[] = await tx.query(
      `${SELECT_SPACES} WHERE o.household_id IS NOT NULL AND s.consent <> 'rejected'
        ORDER BY s.association_id, s.code`,
    );
    return rows.map(toRecord);
  }

  async laneSpaces(tx: Tx, laneId: string): Promise<SpaceRecord[]> {
    return (await this.laneMap(laneId, tx)).spaces;
  }

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<SpaceRecord | null> {
    const rows: Row[] = await tx.query(`${SELECT_SPACES} WHERE s.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async insert(tx: Tx, space: NewSpace): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO space (association_id, lane_id, code, x, y, angle, chainage_from, chainage_to, side,
                          size_class, household_id, consent, objection_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        space.associationId,
        space.laneId,
        space.code,
        space.x,
        space.y,
        space.angle,
        space.chainageFrom,
        space.chainageTo,
        space.side,
        space.sizeClass,
        space.householdId,
        space.consent,
        space.objectionUntil,
      ],
    );
    return rows[0]!.id;
  }

  async update(tx: Tx, id: string, changes: SpaceChanges): Promise<void> {
    await tx.query(
      `UPDATE space SET x = $2, y = $3, angle = $4, chainage_from = $5, chainage_to = $6, side = $7,
              size_class = $8, availability = $9, closed_reason = $10, household_id = $11
        WHERE id = $1`,
      [
        id,
        changes.x,
        changes.y,
        changes.angle,
        changes.chainageFrom,
        changes.chainageTo,
        changes.side,
        changes.sizeClass,
        changes.availability,
        changes.closedReason,
        changes.householdId,
      ],
    );
  }

  async setConsent(tx: Tx, id: string, consent: 'approved' | 'rejected'): Promise<void> {
    await tx.query(`UPDATE space SET consent = $2 WHERE id = $1`, [id, consent]);
  }

  /** The households whose door or window the space faces: they may object to it. */
  async addFacing(tx: Tx, spaceId: string, householdIds: readonly string[]): Promise<void> {
    for (const householdId of householdIds) {
      await tx.query(
        `INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)`,
        [spaceId, householdId],
      );
    }
  }

  /** Spaces awaiting consent that face the household, while its objection window is open. */
  async facingInNotice(
    householdId: string,
    now: Date,
    tx: Tx = this.transactions.autocommit,
  ): Promise<SpaceRecord[]> {
    const rows: Row[] = await tx.query(
      `${SELECT_SPACES}
        WHERE s.consent = 'pending' AND s.objection_until > $2
          AND EXISTS (SELECT 1 FROM space_facing_household f
                       WHERE f.space_id = s.id AND f.household_id = $1)
        ORDER BY s.objection_until, s.code`,
      [householdId, now],
    );
    return rows.map(toRecord);
  }

  /**
   * The lane's spaces in the consent process, for the council: those still in their objection
   * window, and every space ever objected to (with its outcome, also when withdrawn); those
   * still pending first.
   */
  async inConsent(laneId: string, now: Date, tx: Tx = this.transactions.autocommit) {
    const rows: Row[] = await tx.query(
      `${SELECT_SPACES}
        WHERE s.lane_id = $1
          AND ((s.consent = 'pending' AND s.objection_until > $2)
               OR EXISTS (SELECT 1 FROM space_objection so WHERE so.space_id = s.id))
        ORDER BY s.consent = 'pending' DESC, s.code`,
      [laneId, now],
    );
    return rows.map(toRecord);
  }

  /** The households each of the spaces faces. */
  async facingHouseholds(
    spaceIds: readonly string[],
    tx: Tx = this.transactions.autocommit,
  ): Promise<Map<string, string[]>> {
    const rows: { space_id: string; household_id: string }[] = await tx.query(
      `SELECT space_id, household_id FROM space_facing_household WHERE space_id = ANY($1)`,
      [spaceIds],
    );
    const facing = new Map<string, string[]>();
    for (const row of rows)
      facing.set(row.space_id, [...(facing.get(row.space_id) ?? []), row.household_id]);
    return facing;
  }

  async faces(
    spaceId: string,
    householdId: string | null,
    tx: Tx = this.transactions.autocommit,
  ): Promise<boolean> {
    if (!householdId) return false;
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM space_facing_household WHERE space_id = $1 AND household_id = $2`,
      [spaceId, householdId],
    );
    return rows.length > 0;
  }

  async addRestriction(tx: Tx, spaceId: string, window: Omit<RestrictionRecord, 'id'>) {
    await tx.query(
      `INSERT INTO space_restriction (space_id, from_time, to_time, days, reason) VALUES ($1, $2, $3, $4, $5)`,
      [spaceId, window.from, window.to, window.days?.length ? window.days : null, window.reason],
    );
  }

  /** False when the space has no such restriction. */
  async removeRestriction(tx: Tx, spaceId: string, restrictionId: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await tx.query(
      `DELETE FROM space_restriction WHERE id = $1 AND space_id = $2`,
      [restrictionId, spaceId],
    );
    return deleted > 0;
  }
}

function toRecord(row: Row): SpaceRecord {
  return {
    id: row.id,
    associationId: row.association_id,
    laneId: row.lane_id,
    code: row.code,
    x: Number(row.x),
    y: Number(row.y),
    angle: Number(row.angle),
    chainageFrom: Number(row.chainage_from),
    chainageTo: Number(row.chainage_to),
    side: row.side === 1 ? 1 : -1,
    sizeClass: row.size_class,
    kind: row.kind,
    householdId: row.household_id,
    availability: row.availability,
    closedReason: row.closed_reason,
    consent: row.consent,
    objectionUntil: row.objection_until,
    objections: row.objections,
    undecidedObjections: row.undecided_objections,
    stickerToken: row.sticker_token,
    restrictions: row.restrictions,
    occupant:
      row.session_id && row.plate && row.started_at
        ? {
            sessionId: row.session_id,
            plate: row.plate,
            vehicleId: row.vehicle_id,
            householdId: row.occupant_household_id,
            since: row.started_at,
          }
        : null,
  };
}
