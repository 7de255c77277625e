// Who may read and change what in an association: lanes, households, members, vehicles, viewer
// grants, the ledger. Named predicates built from src/auth/policy.ts; services and the
// access-matrix test both ask these, so the rule is written once. Least privilege per field:
// a member changes their own name and password; everything else about a person is the council's.
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/role';
import {
  canReadAssociation,
  isCouncilOf,
  isOfHousehold,
  isResident,
  isStaffOf,
  isUnitStaff,
} from '../auth/policy';
import type { Reason } from '../shared/reasons';

interface InAssociation {
  associationId: string;
}
interface MemberLike extends InAssociation {
  id: string;
  householdId: string | null;
  residentUnitId?: string | null;
}
interface HouseholdLike extends InAssociation {
  id: string;
}
interface VehicleLike extends InAssociation {
  householdId: string;
}

/** The writable fields of a member (PATCH /api/members/:id). */
export const MEMBER_FIELDS = [
  'name',
  'phone',
  'role',
  'residentUnitId',
  'partyMember',
  'volunteer',
  'active',
  'password',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** What a member may change about themselves; the rest is the council's. */
const OWN_PROFILE: ReadonlySet<MemberField> = new Set(['name', 'password']);
/** What the council may not change about itself: it would lock the association out. */
const NOT_ON_ONESELF: ReadonlySet<MemberField> = new Set(['role', 'active']);

/** Why `field` of someone else (or of oneself, outside the own profile) is refused. */
const COUNCIL_FIELD_REASONS: Record<MemberField, Reason> = {
  name: 'member.not_yours',
  phone: 'member.phone_by_council',
  role: 'member.role_by_council',
  residentUnitId: 'member.role_by_council',
  active: 'member.role_by_council',
  partyMember: 'member.flags_by_council',
  volunteer: 'member.flags_by_council',
  password: 'member.password_by_council',
};

export function isSelf(actor: Actor, member: { id: string }): boolean {
  return actor.memberId === member.id;
}

/** May `actor` change each of `fields` of `member`? (Reading it is checked first: 404.) */
export function canChangeMember(
  actor: Actor,
  member: MemberLike,
  fields: readonly MemberField[],
): boolean {
  return memberChangeRefusal(actor, member, fields) === null;
}

/** The reason the change is refused, or null when every field may be changed. */
export function memberChangeRefusal(
  actor: Actor,
  member: MemberLike,
  fields: readonly MemberField[],
): Reason | null {
  const self = isSelf(actor, member);
  const council = isCouncilOf(actor, member.associationId);
  for (const field of fields) {
    if (council && self && NOT_ON_ONESELF.has(field)) return 'member.council_self';
    if (council) continue;
    if (self && OWN_PROFILE.has(field)) continue;
    return COUNCIL_FIELD_REASONS[field];
  }
  return null;
}

/** Changing one's own password proves the current one, whoever one is. */
export function needsCurrentPassword(actor: Actor, member: { id: string }): boolean {
  return isSelf(actor, member);
}

/** Adds members (and sets their first password): the council. */
export function canAddMember(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

/**
 * Reads a member: the association's readers, except that a resident sees only their household
 * and unit staff only their unit's colleagues (and everyone themselves).
 */
export function canReadMember(actor: Actor, member: MemberLike): boolean {
  if (!canReadAssociation(actor, member.associationId)) return false;
  if (isSelf(actor, member)) return true;
  if (isResident(actor)) return isOfHousehold(actor, member.householdId);
  if (isUnitStaff(actor)) {
    return !!member.residentUnitId && member.residentUnitId === actor.residentUnitId;
  }
  return true;
}

/** Which members a list shows: a resident's household, a unit's staff, or everyone readable. */
export function memberListScope(
  actor: Actor,
): { householdId: string | null } | { residentUnitId: string | null } | 'all' {
  if (isResident(actor)) return { householdId: actor.householdId };
  if (isUnitStaff(actor)) return { residentUnitId: actor.residentUnitId };
  return 'all';
}

/** A phone in full: the council, the member themselves and their household. */
export function mayReadPhone(actor: Actor, member: MemberLike): boolean {
  return (
    isCouncilOf(actor, member.associationId) ||
    isSelf(actor, member) ||
    isOfHousehold(actor, member.householdId)
  );
}

/** Households and vehicles are no business of resident units' staff. */
export function mayListHouseholds(actor: Actor): boolean {
  return !isUnitStaff(actor);
}

/** Which households or vehicles a list shows: a resident's own household, or all. */
export function householdListScope(actor: Actor): { householdId: string | null } | 'all' {
  return isResident(actor) ? { householdId: actor.householdId } : 'all';
}

export function canReadHousehold(actor: Actor, household: HouseholdLike): boolean {
  if (!canReadAssociation(actor, household.associationId) || !mayListHouseholds(actor)) {
    return false;
  }
  return !isResident(actor) || isOfHousehold(actor, household.id);
}

/** Households (their address), lanes and viewer grants: the council's. */
export function canManageAssociation(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

export function canReadVehicle(actor: Actor, vehicle: VehicleLike): boolean {
  if (!canReadAssociation(actor, vehicle.associationId) || !mayListHouseholds(actor)) {
    return false;
  }
  return !isResident(actor) || isOfHousehold(actor, vehicle.householdId);
}

/** The writable fields of a vehicle (PATCH /api/vehicles/:id). */
export const VEHICLE_FIELDS = ['plate', 'plateColor', 'ownerMemberId'] as const;
export type VehicleField = (typeof VEHICLE_FIELDS)[number];

/**
 * The council registers any vehicle; a resident keeps their own household's (a mistyped plate, a
 * new owner within the household). A permit keeps the plate it was issued for, so correcting a
 * vehicle's plate moves no permit to another car.
 */
export function canChangeVehicle(
  actor: Actor,
  vehicle: VehicleLike,
  _fields: readonly VehicleField[] = VEHICLE_FIELDS,
): boolean {
  return (
    isCouncilOf(actor, vehicle.associationId) ||
    (isResident(actor) &&
      actor.associationId === vehicle.associationId &&
      isOfHousehold(actor, vehicle.householdId))
  );
}

/** Registers a vehicle: the council (for any household), a resident (for their own). */
export function canRegisterVehicle(actor: Actor): boolean {
  return isCouncilOf(actor, actor.associationId) || isResident(actor);
}

/** Wardens need plates to do their job; the council registers them; a household sees its own. */
export function mayReadPlate(actor: Actor, vehicle: VehicleLike): boolean {
  return isStaffOf(actor, vehicle.associationId) || isOfHousehold(actor, vehicle.householdId);
}

/** Only street-office and community accounts (viewers) are granted reading other associations. */
export function mayBeGrantedReading(member: { role: Role }): boolean {
  return member.role === 'viewer';
}

/** Unit staff (驻区单位) belong to a resident unit; the ledger import does not add them. */
export function needsResidentUnit(role: Role): boolean {
  return role === 'unit';
}

/**
 * The ledger (台账) of households, members and vehicles: whoever may list households exports the
 * rows their list and the household pages show them (a resident their own household), masked as
 * those pages mask them (`mayReadPhone`, `mayReadPlate`, row by row).
 */
export function canExportLedger(actor: Actor, associationId: string): boolean {
  return canReadAssociation(actor, associationId) && mayListHouseholds(actor);
}
