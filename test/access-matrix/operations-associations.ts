import type { Actor } from '../../src/auth/actor';
import {
  canChangeMember,
  canChangeVehicle,
  canReadMember,
  canRegisterVehicle,
  type MemberField,
} from '../../src/associations/associations.policy';
import { STREET_DEMO_PHONE } from '../../src/street/demo-street';
import { DEMO } from '../support/test-app';
import type { Fixtures, Who } from './fixtures';
import {
  anyStreetStaff,
  anyone,
  council,
  everyRole,
  ofHousehold,
  type Operation,
  pad,
  plate,
  type Rule,
  streetOfAssociation,
} from './rules';

/** Resident units are registered by the association's street office or its council. */
const unitRegistrar: Rule = (a, fx) => council(a, fx) || streetOfAssociation(a, fx);
const agreement = () => ({
  termFrom: '2026-01-01',
  termTo: '2026-12-31',
  places: 10,
  windows: [{ days: 'weekdays', from: '19:00', to: '07:30' }],
  liability: '车辆停放期间的损失由车主自负。',
  contactName: '刘科长',
  contactPhone: '010-66001234',
  signedOn: '2025-12-20',
  associationFeePercent: 20,
});

// The associations' and auth's own writes. Who may change which field of a member is the
// policy's (canChangeMember); the matrix asks the same predicate.
const housemate = (fx: Fixtures) => ({
  id: fx.housemate,
  associationId: fx.association,
  householdId: fx.ownHousehold,
  residentUnitId: null,
});
const self = (fx: Fixtures, who: Who) => ({
  id: fx.actors[who].memberId,
  associationId: fx.association,
  householdId: fx.actors[who].householdId,
  residentUnitId: fx.actors[who].residentUnitId,
});
const whoOf = (fx: Fixtures, a: Actor) =>
  (Object.keys(fx.actors) as Who[]).find((w) => fx.actors[w].memberId === a.memberId)!;

const MEMBER_FIELD_LIST =
  'name phone role residentUnitId partyMember volunteer password active currentPassword';
const memberFieldRules = (target: 'housemate' | 'self'): Record<string, Rule> => {
  const member = (a: Actor, fx: Fixtures) =>
    target === 'self' ? self(fx, whoOf(fx, a)) : housemate(fx);
  const rule =
    (field: MemberField): Rule =>
    (a, fx) =>
      canReadMember(a, member(a, fx)) && canChangeMember(a, member(a, fx), [field]);
  return {
    name: rule('name'),
    phone: rule('phone'),
    role: rule('role'),
    residentUnitId: rule('residentUnitId'),
    partyMember: rule('partyMember'),
    volunteer: rule('volunteer'),
    password: rule('password'),
    active: rule('active'),
    // Alone it changes nothing: whoever reads the member may send it.
    currentPassword: (a, fx) => canReadMember(a, member(a, fx)),
  };
};
const memberValues = (
  fx: Fixtures,
  who: Who,
  target: 'housemate' | 'self',
): Record<string, unknown> => ({
  name: target === 'self' ? `矩阵${who}` : '同住人甲',
  // Changing one's own phone or role would lock this test out of later logins: the same value.
  phone: target === 'self' ? PHONE_OF[who] : `1370001${pad(fx.next(), 4)}`,
  role: target === 'self' ? fx.actors[who].role : 'resident',
  residentUnitId: fx.unit,
  partyMember: true,
  volunteer: true,
  password: target === 'self' ? DEMO.password : 'matrix-secret-2030',
  active: true,
  currentPassword: DEMO.password,
});
const PHONE_OF: Record<Who, string> = {
  admin: DEMO.admin,
  warden: DEMO.wardens[0],
  resident: DEMO.resident,
  unit: DEMO.unit,
  viewer: DEMO.viewer,
  street: STREET_DEMO_PHONE,
};

const laneGeometry = [
  { x: 0, y: 0 },
  { x: 120, y: 0 },
  { x: 180, y: 12 },
  { x: 260, y: 12 },
];

export const ASSOCIATION_OPERATIONS: Record<string, Operation | Operation[]> = {
  // The street office founds associations of its street and names their first council.
  'POST /api/associations': {
    who: anyStreetStaff,
    fields: 'name community',
    body: (fx) => ({ name: `矩阵车友会${fx.next()}`, community: '矩阵社区' }),
  },
  'POST /api/associations/{id}/council': {
    who: streetOfAssociation,
    fields: 'name phone password',
    path: (fx) => ({ id: fx.association }),
    body: (fx) => ({
      name: '矩阵理事',
      phone: `1370002${pad(fx.next(), 4)}`,
      password: 'matrix-council-2030',
    }),
  },
  'POST /api/resident-units': {
    who: unitRegistrar,
    fields: 'address agreement associationId kind name',
    body: (fx) => ({
      associationId: fx.association,
      name: `矩阵单位${fx.next()}`,
      kind: 'office',
      agreement: agreement(),
    }),
  },
  'PATCH /api/resident-units/{id}': {
    who: unitRegistrar,
    fields: 'address kind name',
    path: (fx) => ({ id: fx.unit }),
    body: (fx) => ({ address: `二龙路${fx.next()}号` }),
  },
  'POST /api/resident-units/{id}/agreements': {
    who: unitRegistrar,
    fields:
      'associationFeePercent contactName contactPhone liability places signedOn termFrom termTo windows',
    path: (fx) => ({ id: fx.unit }),
    body: () => agreement(),
  },
  'POST /api/resident-units/{id}/staff': {
    who: unitRegistrar,
    fields: 'name password phone',
    path: (fx) => ({ id: fx.unit }),
    body: (fx) => ({
      name: '矩阵门卫',
      phone: `1370003${pad(fx.next(), 4)}`,
      password: 'matrix-gate-2030',
    }),
  },
  'POST /api/auth/logout': { who: everyRole, phase: 'session' },
  'POST /api/auth/password': {
    who: everyRole,
    fields: 'currentPassword newPassword',
    // The same password again: later logins of this test still work.
    body: () => ({ currentPassword: DEMO.password, newPassword: DEMO.password }),
    phase: 'session',
  },
  'POST /api/lanes': {
    who: council,
    fields: 'name geometry',
    body: (fx) => ({ name: `矩阵胡同${fx.next()}`, geometry: laneGeometry.slice(0, 2) }),
  },
  'PATCH /api/associations/{id}/retention': {
    who: council,
    fields: 'whereaboutsDays',
    path: (fx) => ({ id: fx.association }),
    body: () => ({ whereaboutsDays: 180 }),
  },
  'PATCH /api/lanes/{id}': {
    who: council,
    fields: 'name geometry',
    path: (fx) => ({ id: fx.lane }),
    body: () => ({ name: '下岗胡同', geometry: laneGeometry }),
  },
  'POST /api/households': {
    who: council,
    fields: 'address laneId',
    body: (fx) => ({ address: `矩阵胡同${100 + fx.next()}号` }),
  },
  'POST /api/households/import': {
    who: council,
    csv: (fx) =>
      `address,name,phone\n矩阵胡同${200 + fx.next()}号,导入人,1370002${pad(fx.next(), 4)}`,
  },
  'POST /api/vehicles/licences/import': {
    who: council,
    // A plate nobody registered: reported as a rejected row, nothing recorded.
    csv: () => `车牌,所有人\n京M99999,矩阵车主`,
  },
  'PATCH /api/households/{id}': {
    who: council,
    fields: 'address laneId',
    path: (fx) => ({ id: fx.spareHousehold }),
    body: (fx) => ({ address: `矩阵胡同${300 + fx.next()}号` }),
  },
  'DELETE /api/households/{id}': {
    who: council,
    path: (fx) => ({ id: fx.spareHousehold }),
    phase: 'delete',
  },
  'POST /api/members': {
    who: council,
    fields: 'name phone role householdId residentUnitId partyMember volunteer password',
    body: (fx) => ({
      name: '新成员',
      phone: `1370003${pad(fx.next(), 4)}`,
      role: 'resident',
      householdId: fx.ownHousehold,
      residentUnitId: fx.unit,
      partyMember: false,
      volunteer: true,
      password: 'matrix-secret-2030',
    }),
  },
  'PATCH /api/members/{id}': [
    {
      // A member of the resident's household: the takeover of issue 11.
      who: (a, fx) => canReadMember(a, housemate(fx)),
      fields: MEMBER_FIELD_LIST,
      fieldRules: memberFieldRules('housemate'),
      path: (fx) => ({ id: fx.housemate }),
      body: (fx, who, field) => ({ [field!]: memberValues(fx, who, 'housemate')[field!] }),
    },
    {
      // Oneself. A new password or unit ends one's own tokens: those run last.
      who: anyone,
      fields: MEMBER_FIELD_LIST,
      fieldRules: memberFieldRules('self'),
      path: (fx, who) => ({ id: fx.actors[who].memberId }),
      body: (fx, who, field) => ({
        [field!]: memberValues(fx, who, 'self')[field!],
        ...(field === 'password' ? { currentPassword: DEMO.password } : {}),
      }),
      fieldPhase: { password: 'session', residentUnitId: 'session' },
    },
  ],
  'POST /api/vehicles': {
    who: (a, fx) => canRegisterVehicle(a) && (council(a, fx) || ofHousehold(a, fx.ownHousehold)),
    fields: 'plate plateColor householdId ownerMemberId',
    body: (fx) => ({
      plate: plate(fx),
      plateColor: 'blue',
      householdId: fx.ownHousehold,
      ownerMemberId: fx.actors.resident.memberId,
    }),
  },
  'PATCH /api/vehicles/{id}': {
    who: (a, fx) =>
      canChangeVehicle(a, { associationId: fx.association, householdId: fx.ownHousehold }),
    fields: 'plate plateColor ownerMemberId',
    path: (fx) => ({ id: fx.ownVehicle }),
    body: (fx) => ({
      plate: plate(fx),
      plateColor: 'blue',
      ownerMemberId: fx.actors.resident.memberId,
    }),
  },
  'DELETE /api/vehicles/{id}': {
    who: (a, fx) =>
      canChangeVehicle(a, { associationId: fx.association, householdId: fx.ownHousehold }),
    path: (fx, who) => ({
      id: who === 'resident' ? fx.spareVehicles.resident : fx.spareVehicles.admin,
    }),
    phase: 'delete',
  },
  'POST /api/viewer-grants': {
    who: council,
    fields: 'phone',
    body: () => ({ phone: DEMO.viewer }),
  },
  'DELETE /api/viewer-grants/{memberId}': {
    who: council,
    path: (fx) => ({ memberId: fx.viewer }),
    phase: 'delete',
  },
};
