import type { Actor } from '../../auth/actor';
import type { Role } from '../../auth/role';
import { canRegisterUnits, mayManageUnitsOf } from './resident-units.policy';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  memberId: 'm',
  associationId: 'a1',
  role,
  householdId: null,
  residentUnitId: role === 'unit' ? 'u1' : null,
  readableAssociationIds: ['a1'],
  streetOffice: null,
  ...extra,
});

describe('resident units policy', () => {
  const own = { id: 'a1', streetOffice: '金融街街道' };
  const other = { id: 'a2', streetOffice: '金融街街道' };
  const elsewhere = { id: 'a3', streetOffice: '什刹海街道' };
  const street = actor('street', { associationId: 'none', streetOffice: '金融街街道' });

  it('lets the street office manage every association of its street, and no other', () => {
    expect(mayManageUnitsOf(street, own)).toBe(true);
    expect(mayManageUnitsOf(street, other)).toBe(true);
    expect(mayManageUnitsOf(street, elsewhere)).toBe(false);
  });

  it('lets a council manage its own association only', () => {
    expect(mayManageUnitsOf(actor('admin'), own)).toBe(true);
    expect(mayManageUnitsOf(actor('admin'), other)).toBe(false);
  });

  it.each(['warden', 'resident', 'unit', 'viewer'] as const)('refuses a %s', (role) => {
    expect(canRegisterUnits(actor(role))).toBe(false);
    expect(mayManageUnitsOf(actor(role), own)).toBe(false);
  });

  it('refuses street staff without a street', () => {
    expect(canRegisterUnits(actor('street'))).toBe(false);
  });
});
