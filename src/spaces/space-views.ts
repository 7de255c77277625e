// Record → response mappers for spaces, for HTTP and the live map alike. Redaction is decided
// here, once: staff (wardens, council) of the association see plates; everybody else sees
// states and counts, and only their own household's car.
import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import type { LaneSnapshot, MapSpace } from '../shared/live/spaces';
import type { SpaceRecord } from './space-record';
import { availabilityNow, type MapContext, noParkingAt, stateOf } from './space-state';
import { canSeePlates } from './spaces.policy';

export interface Reader {
  staff: boolean;
  householdId: string | null;
}

export const PUBLIC_READER: Reader = { staff: false, householdId: null };
export const STAFF_READER: Reader = { staff: true, householdId: null };

export function readerOf(actor: Actor, associationId: string): Reader {
  return { staff: canSeePlates(actor, associationId), householdId: actor.householdId };
}

/** A household reading its own car (and its own assigned space). */
export function householdReader(householdId: string): Reader {
  return { staff: false, householdId };
}

export function toSpaceView(space: SpaceRecord, reader: Reader, context: MapContext): MapSpace {
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
    state: stateOf(space, context),
    consent: space.consent === 'approved' ? 'approved' : 'pending',
    closedReason: space.closedReason,
    householdId: reader.staff || ownAssignment ? space.householdId : null,
    restrictions: space.restrictions,
    restrictedNow:
      noParkingAt(space, context.conventionWindows, context.now)?.window.reason ?? null,
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

export function toLaneSnapshot(
  laneId: string,
  seq: number,
  spaces: readonly SpaceRecord[],
  reader: Reader,
  context: MapContext,
): LaneSnapshot {
  return {
    laneId,
    seq,
    spaces: spaces.map((space) => toSpaceView(space, reader, context)),
    counts: availabilityNow(spaces, context).counts,
  };
}
