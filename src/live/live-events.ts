// The contract between features and the live gateway. A feature never touches Socket.IO: after
// its transaction commits it emits LIVE_PUSH on the Nest EventEmitter, and the gateway fans the
// message out to the named room on every instance (through the Socket.IO adapter).

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
