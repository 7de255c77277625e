// Entity → response mappers. Masking is decided here, once.
import type { Actor } from '../auth/actor';
import { maskPhone, maskPlate } from '../common/masking';
import type { Association } from './association.entity';
import type { AssociationView, LaneView } from './dto/association.view';
import type { MemberView } from './dto/member.view';
import type { VehicleView } from './dto/vehicle.view';
import type { Lane } from './lane.entity';
import type { Member } from './member.entity';
import { formatPlate } from './plate';
import type { Vehicle } from './vehicle.entity';

function sameHousehold(actor: Actor, householdId: string | null): boolean {
  return householdId !== null && actor.householdId === householdId;
}

export function mayReadPhone(
  actor: Actor,
  member: Pick<Member, 'id' | 'householdId' | 'associationId'>,
) {
  return (
    (actor.role === 'admin' && actor.associationId === member.associationId) ||
    actor.memberId === member.id ||
    sameHousehold(actor, member.householdId)
  );
}

/** Wardens need plates to do their job; the council registers them; a household sees its own. */
export function mayReadPlate(
  actor: Actor,
  vehicle: Pick<Vehicle, 'householdId' | 'associationId'>,
) {
  const staff = actor.role === 'admin' || actor.role === 'warden';
  return (
    (staff && actor.associationId === vehicle.associationId) ||
    sameHousehold(actor, vehicle.householdId)
  );
}

export function toMemberView(member: Member, actor: Actor): MemberView {
  return {
    id: member.id,
    associationId: member.associationId,
    householdId: member.householdId,
    residentUnitId: member.residentUnitId,
    name: member.name,
    phone: mayReadPhone(actor, member) ? member.phone : maskPhone(member.phone),
    role: member.role,
    partyMember: member.partyMember,
    volunteer: member.volunteer,
    active: member.active,
  };
}

export function toVehicleView(vehicle: Vehicle, actor: Actor): VehicleView {
  return {
    id: vehicle.id,
    associationId: vehicle.associationId,
    householdId: vehicle.householdId,
    ownerMemberId: vehicle.ownerMemberId,
    plate: mayReadPlate(actor, vehicle) ? formatPlate(vehicle.plate) : maskPlate(vehicle.plate),
    plateColor: vehicle.plateColor,
  };
}

export function toAssociationView(association: Association): AssociationView {
  return {
    id: association.id,
    name: association.name,
    community: association.community,
    streetOffice: association.streetOffice,
  };
}

export function toLaneView(lane: Lane): LaneView {
  return {
    id: lane.id,
    associationId: lane.associationId,
    name: lane.name,
    geometry: lane.geometry,
  };
}
