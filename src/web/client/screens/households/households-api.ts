import { apiFetch } from '../../api';
import type { Household, PlateColor, Vehicle } from '../../me';
import type { Member, Role } from '../../session';

// What the council's household screens ask of the API (src/associations/*.controller.ts).

export type { Household, Member, Vehicle };

/** One row of GET /api/households. */
export type HouseholdRow = Omit<Household, 'members' | 'vehicles'>;

/**
 * The roles the council gives a household's member here: residents, wardens who live in the
 * lane, and fellow council members. Resident units' staff and street-office accounts are not
 * household members and are added where their unit or grant is.
 */
export const HOUSEHOLD_ROLES = ['resident', 'warden', 'admin'] as const satisfies readonly Role[];
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const PLATE_COLORS: readonly PlateColor[] = ['blue', 'green', 'yellow', 'white', 'black'];

export const HOUSEHOLD_PAGE_SIZE = 30;

export function listHouseholds(
  search: string,
  page: number,
  pageSize: number = HOUSEHOLD_PAGE_SIZE,
): Promise<{ items: HouseholdRow[]; total: number }> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (search.trim()) query.set('search', search.trim());
  return apiFetch(`/api/households?${query.toString()}`);
}

export const getHousehold = (id: string) => apiFetch<Household>(`/api/households/${id}`);

export const addHousehold = (address: string, laneId?: string) =>
  apiFetch<Household>('/api/households', { body: { address, laneId: laneId || undefined } });

export const changeAddress = (id: string, address: string, laneId?: string) =>
  apiFetch<Household>(`/api/households/${id}`, {
    method: 'PATCH',
    body: { address, laneId: laneId || undefined },
  });

export const archiveHousehold = (id: string) =>
  apiFetch<void>(`/api/households/${id}`, { method: 'DELETE' });

export interface MemberFields {
  name: string;
  phone: string;
  role: HouseholdRole;
  volunteer: boolean;
  partyMember: boolean;
  password?: string;
}

export const addMember = (householdId: string, fields: MemberFields) =>
  apiFetch<Member>('/api/members', { body: { ...fields, householdId } });

/** Sends only what changed: the API checks each field against who may change it. */
export const changeMember = (id: string, changes: Partial<MemberFields & { active: boolean }>) =>
  apiFetch<Member>(`/api/members/${id}`, { method: 'PATCH', body: changes });

export const addVehicle = (householdId: string, plate: string, plateColor?: PlateColor) =>
  apiFetch<Vehicle>('/api/vehicles', {
    body: { householdId, plate, ...(plateColor ? { plateColor } : {}) },
  });

export const removeVehicle = (id: string) =>
  apiFetch<void>(`/api/vehicles/${id}`, { method: 'DELETE' });
