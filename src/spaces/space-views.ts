// Record → response mappers for spaces, for HTTP and the live map alike. Redaction is decided
// here, once: staff (wardens, council) of the association see plates; everybody else sees
// states and counts, and only their own household's car.
import type { Actor } from '../auth/actor';
import { formatPlate } from '../associations/plate';
import type { LaneSpacesView, SpaceView } from './dto/space.view';
import type { SpaceRecord } from './space-record';
import { type ConventionWindow, countsOf, restrictionAt, stateOf } from './space-state';

export interface Reader {
  staff: boolean;
  householdId: string | null;
}

export const PUBLIC_READER: Reader = { staff: false, householdId: null };
export const STAFF_READER: Reader = { staff: true, householdId: null };

export function readerOf(actor: Actor, associationId: string): Reader {
  const staff =
    (actor.role === 'admin' || actor.role === 'warden') && actor.associationId === associationId;
  return { staff, householdId: actor.householdId };
}

export interface MapContext {
  now: Date;
  conventionWindows: readonly ConventionWindow[];
}

export function toSpaceView(space: SpaceRecord, reader: Reader, context: MapContext): SpaceView {
  const occupant = space.occupant;
  const mine =
    occupant !== null && reader.householdId !== null && occupant.householdId === reader.householdId;
  const ownAssignment = space.householdId !== null && space.householdId === reader.householdId;
  return {
    id: space.id,
    laneId: space.laneId,
    code: space.code,
    x: space.x,
    y: space.y,
    angle: space.angle,
    sizeClass: space.sizeClass,
    kind: space.kind,
    state: stateOf(space, context.now),
    consent: space.consent === 'approved' ? 'approved' : 'pending',
    closedReason: space.closedReason,
    householdId: reader.staff || ownAssignment ? space.householdId : null,
    restrictions: space.restrictions,
    restrictedNow: restrictionAt(space, context.conventionWindows, context.now),
    occupant:
      occupant && (reader.staff || mine)
        ? {
            plate: formatPlate(occupant.plate),
            since: occupant.since.toISOString(),
            visitor: occupant.vehicleId === null,
            mine,
          }
        : null,
  };
}

export function toLaneSpacesView(
  laneId: string,
  seq: number,
  spaces: readonly SpaceRecord[],
  reader: Reader,
  context: MapContext,
): LaneSpacesView {
  return {
    laneId,
    seq,
    spaces: spaces.map((space) => toSpaceView(space, reader, context)),
    counts: countsOf(spaces, context.now),
  };
}
