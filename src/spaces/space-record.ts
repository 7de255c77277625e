import type { SpaceKind } from '../shared/live/spaces';
import type { SizeClass } from '../shared/lane-geometry';

// A space as the rules and the map need it: its painted layout, the council's decisions, the
// open occupancy session if any, and its restriction windows. Read by SpaceRepository.

export type { SpaceKind };
export type Availability = 'open' | 'reserved' | 'closed';
export type Consent = 'pending' | 'approved' | 'rejected';

export interface RestrictionRecord {
  id: string;
  /** "HH:MM", Beijing time */
  from: string;
  to: string;
  days: number[] | null;
  /** The council's words, shown on the map */
  reason: string;
}

export interface OccupantRecord {
  sessionId: string;
  plate: string;
  vehicleId: string | null;
  /** The household whose registered car it is; null for a visiting car */
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
