// Record → response mappers. Masking is decided here, once, by the policy.
import type { Actor } from '../auth/actor';
import { maskPhone, maskPlate } from '../common/masking';
import type { Association } from './association.repository';
import { mayReadPhone, mayReadPlate } from './associations.policy';
import type { Lane } from './lane.repository';
import type { Member } from './member.repository';
import { formatPlate } from '../shared/plate';
import type { Vehicle } from './vehicle.repository';
import type {
  AssociationResponse,
  LaneResponse,
  MemberResponse,
  VehicleResponse,
} from '../shared/api/associations';

// Other features mask plates with the same rule.
export { mayReadPhone, mayReadPlate };

export function toMemberView(member: Member, actor: Actor): MemberResponse {
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

export function toVehicleView(vehicle: Vehicle, actor: Actor): VehicleResponse {
  return {
    id: vehicle.id,
    associationId: vehicle.associationId,
    householdId: vehicle.householdId,
    ownerMemberId: vehicle.ownerMemberId,
    plate: mayReadPlate(actor, vehicle) ? formatPlate(vehicle.plate) : maskPlate(vehicle.plate),
    plateColor: vehicle.plateColor,
  };
}

export function toAssociationView(association: Association): AssociationResponse {
  return {
    id: association.id,
    name: association.name,
    community: association.community,
    streetOffice: association.streetOffice,
    whereaboutsDays: association.whereaboutsDays,
  };
}

export function toLaneView(lane: Lane): LaneResponse {
  return {
    id: lane.id,
    associationId: lane.associationId,
    name: lane.name,
    geometry: lane.geometry,
  };
}
