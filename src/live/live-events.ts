// The rooms of live pushes. Features publish typed domain events after commit
// (`DomainEvents.publish(tx, new SpaceChanged(…))`); a listener in src/live/listeners picks the
// rooms below, masks per audience and emits through LiveEmitter, which reaches every instance
// through the Socket.IO adapter.

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
