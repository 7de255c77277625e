// The untyped envelope of live pushes, kept until every feature has moved to typed domain events
// (a feature publishes `DomainEvents.publish(tx, new SpaceChanged(…))`; a listener in
// src/live/listeners picks rooms, masks and emits through LiveEmitter). Until then a feature may
// still emit LIVE_PUSH on the Nest EventEmitter after its commit, and the gateway fans the
// message out to the named room on every instance (through the Socket.IO adapter).

/** @deprecated publish a typed domain event and add a listener in src/live/listeners. */
export const LIVE_PUSH = 'live.push';

export interface LivePush {
  /** A room built with the helpers below. */
  room: string;
  /** The Socket.IO event name the client receives, e.g. 'space.updated', 'move.requested'. */
  event: string;
  payload: unknown;
  /** Rooms left out of this emit, e.g. a household that receives its own, unredacted copy. */
  except?: string[];
}

/** Who a lane's deltas are written for: staff see plates, the public sees states and counts. */
export type LaneAudience = 'staff' | 'public';

/** Rooms every authenticated socket joins at the handshake, and rooms joined by subscribing. */
export const rooms = {
  member: (memberId: string) => `member:${memberId}`,
  household: (householdId: string) => `household:${householdId}`,
  /** Council (admin) members of an association. */
  council: (associationId: string) => `council:${associationId}`,
  /** Wardens and council: those who may see plates. */
  staff: (associationId: string) => `staff:${associationId}`,
  association: (associationId: string) => `association:${associationId}`,
  residentUnit: (unitId: string) => `unit:${unitId}`,
  lane: (laneId: string) => `lane:${laneId}`,
  /** A lane's deltas for one audience: the payload is redacted once per audience, not per socket. */
  laneAudience: (laneId: string, audience: LaneAudience) => `lane:${laneId}:${audience}`,
  carPark: (carParkId: string) => `carpark:${carParkId}`,
};
