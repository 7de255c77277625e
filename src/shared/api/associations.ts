// What /api/me, /api/auth and the register (/api/members, /api/households, /api/vehicles,
// /api/associations, /api/lanes) answer; the screens read it as `Wire<…>`
// (src/shared/api/wire.ts). The OpenAPI classes in src/associations/dto/ and
// src/auth/dto/login.dto.ts implement these. Types only.
import type { PlateColor } from '../plate';
import type { Role } from '../roles';

export type { PlateColor, Role };

export interface MemberResponse {
  id: string;
  associationId: string;
  householdId: string | null;
  residentUnitId: string | null;
  name: string;
  /** Masked (138****0001) unless the reader needs it. */
  phone: string;
  role: Role;
  partyMember: boolean;
  volunteer: boolean;
  active: boolean;
}

export interface VehicleResponse {
  id: string;
  associationId: string;
  householdId: string;
  ownerMemberId: string | null;
  /** As painted; masked (京A·***45) unless the reader needs it. */
  plate: string;
  plateColor: PlateColor;
}

export interface HouseholdResponse {
  id: string;
  associationId: string;
  /** "下岗胡同19号" */
  address: string;
  /** The lane it is registered in; null where the council has not said which of several. */
  laneId: string | null;
  memberCount: number;
  vehicleCount: number;
}

export interface HouseholdDetail extends HouseholdResponse {
  members: MemberResponse[];
  vehicles: VehicleResponse[];
}

export interface AssociationResponse {
  id: string;
  /** "4143车友会" */
  name: string;
  community: string;
  streetOffice: string;
  /** Days permit scans and occupancy sessions are kept. */
  whereaboutsDays: number;
}

/** Metres from the lane's origin. */
export interface LanePoint {
  x: number;
  y: number;
}

export interface LaneResponse {
  id: string;
  associationId: string;
  name: string;
  /** The lane's centre line as a polyline in metres. */
  geometry: LanePoint[];
}

/** GET /api/me */
export interface MeResponse {
  member: MemberResponse;
  /** null for street-office staff, who belong to a street. */
  association: AssociationResponse | null;
  household: HouseholdDetail | null;
  /** The street office of the member's association, or the street staff's own. */
  streetOffice: string;
}

/** The body of POST /api/auth/login and POST /api/auth/refresh. */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  member: MemberResponse;
}
