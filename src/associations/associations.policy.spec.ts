import type { Actor } from '../auth/actor';
import type { Role } from '../auth/role';
import {
  canChangeMember,
  canChangeVehicle,
  canReadMember,
  MEMBER_FIELDS,
  memberChangeRefusal,
} from './associations.policy';

const A = 'assoc-4143';
const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  memberId: `${role}-1`,
  associationId: A,
  role,
  householdId: role === 'resident' || role === 'admin' ? 'hh-1' : null,
  residentUnitId: role === 'unit' ? 'unit-1' : null,
  readableAssociationIds: [A],
  ...over,
});
const memberOf = (id: string, householdId: string | null = 'hh-1', associationId = A) => ({
  id,
  associationId,
  householdId,
  residentUnitId: null,
});

describe('who changes which field of a member', () => {
  const resident = actor('resident');
  const admin = actor('admin');

  it('a resident changes only their own name and password', () => {
    const self = memberOf(resident.memberId);
    const allowed = MEMBER_FIELDS.filter((f) => canChangeMember(resident, self, [f]));
    expect(allowed).toEqual(['name', 'password']);
  });

  it('a resident changes nothing of a housemate, not even the council admin living with them', () => {
    const housemate = memberOf(admin.memberId);
    for (const field of MEMBER_FIELDS)
      expect(canChangeMember(resident, housemate, [field])).toBe(false);
    expect(memberChangeRefusal(resident, housemate, ['password'])).toBe(
      'member.password_by_council',
    );
    expect(memberChangeRefusal(resident, housemate, ['phone'])).toBe('member.phone_by_council');
    expect(memberChangeRefusal(resident, housemate, ['role'])).toBe('member.role_by_council');
  });

  it('the council changes everything of its members, but not its own role or status', () => {
    const other = memberOf('resident-9', 'hh-9');
    for (const field of MEMBER_FIELDS) expect(canChangeMember(admin, other, [field])).toBe(true);
    const self = memberOf(admin.memberId);
    expect(memberChangeRefusal(admin, self, ['role'])).toBe('member.council_self');
    expect(memberChangeRefusal(admin, self, ['active'])).toBe('member.council_self');
    expect(canChangeMember(admin, self, ['name', 'phone', 'password'])).toBe(true);
  });

  it("another association's council changes nothing here", () => {
    const foreign = actor('admin', {
      associationId: 'assoc-wenchang',
      readableAssociationIds: ['assoc-wenchang'],
    });
    expect(canChangeMember(foreign, memberOf('resident-9'), ['name'])).toBe(false);
    expect(canReadMember(foreign, memberOf('resident-9'))).toBe(false);
  });

  it.each(['warden', 'unit', 'viewer'] as const)(
    'a %s changes only their own name and password',
    (role) => {
      const who = actor(role);
      expect(
        MEMBER_FIELDS.filter((f) => canChangeMember(who, memberOf(who.memberId, null), [f])),
      ).toEqual(['name', 'password']);
      expect(canChangeMember(who, memberOf('resident-9'), ['name'])).toBe(false);
    },
  );
});

describe('who changes a vehicle', () => {
  it('the council, or a resident of its household', () => {
    const vehicle = { associationId: A, householdId: 'hh-1' };
    expect(canChangeVehicle(actor('admin', { householdId: null }), vehicle)).toBe(true);
    expect(canChangeVehicle(actor('resident'), vehicle)).toBe(true);
    expect(canChangeVehicle(actor('resident', { householdId: 'hh-2' }), vehicle)).toBe(false);
    expect(canChangeVehicle(actor('warden'), vehicle)).toBe(false);
    expect(canChangeVehicle(actor('viewer'), vehicle)).toBe(false);
  });
});
