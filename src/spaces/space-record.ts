import type { EntityManager } from 'typeorm';
import type { SizeClass } from './lane-geometry';

// A space as the rules and the map need it: its painted layout, the council's decisions, the
// open occupancy session if any, and its restriction windows, read in one query.

export type SpaceKind = 'self_made' | 'shared';
export type Availability = 'open' | 'reserved' | 'closed';
export type Consent = 'pending' | 'approved' | 'rejected';

export interface RestrictionRecord {
  id: string;
  from: string;
  to: string;
  days: number[] | null;
  reason: string;
}

export interface OccupantRecord {
  sessionId: string;
  plate: string;
  vehicleId: string | null;
  householdId: string | null;
  since: Date;
}

export interface SpaceRecord {
  id: string;
  associationId: string;
  laneId: string;
  code: string;
  x: number;
  y: number;
  angle: number;
  chainageFrom: number;
  chainageTo: number;
  side: 1 | -1;
  sizeClass: SizeClass;
  kind: SpaceKind;
  householdId: string | null;
  availability: Availability;
  closedReason: string | null;
  consent: Consent;
  objectionUntil: Date | null;
  objections: number;
  undecidedObjections: number;
  stickerToken: string;
  restrictions: RestrictionRecord[];
  occupant: OccupantRecord | null;
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

const SELECT_SPACES = `
  SELECT s.*, o.id AS session_id, o.plate, o.vehicle_id, o.started_at,
         v.household_id AS occupant_household_id,
         (SELECT count(*)::int FROM space_objection so WHERE so.space_id = s.id) AS objections,
         (SELECT count(*)::int FROM space_objection so
           WHERE so.space_id = s.id AND so.decision IS NULL) AS undecided_objections,
         COALESCE((SELECT json_agg(json_build_object(
                     'id', r.id, 'from', to_char(r.from_time, 'HH24:MI'),
                     'to', to_char(r.to_time, 'HH24:MI'), 'days', r.days, 'reason', r.reason)
                   ORDER BY r.from_time)
                   FROM space_restriction r WHERE r.space_id = s.id), '[]') AS restrictions
    FROM space s
    LEFT JOIN occupancy_session o ON o.space_id = s.id AND o.ended_at IS NULL
    LEFT JOIN vehicle v ON v.id = o.vehicle_id`;

/** The lane's spaces on the map (withdrawn ones, whose consent was refused, are not). */
export async function loadLaneSpaces(em: EntityManager, laneId: string): Promise<SpaceRecord[]> {
  const rows: Row[] = await em.query(
    `${SELECT_SPACES} WHERE s.lane_id = $1 AND s.consent <> 'rejected' ORDER BY s.code`,
    [laneId],
  );
  return rows.map(toRecord);
}

export async function loadSpace(em: EntityManager, id: string): Promise<SpaceRecord | null> {
  const rows: Row[] = await em.query(`${SELECT_SPACES} WHERE s.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
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
