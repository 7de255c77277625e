import type * as api from '../../../../shared/api/units';
import {
  type AgreementWindow,
  RESIDENT_UNIT_KINDS,
  type ResidentUnitKind,
} from '../../../../shared/api/units';
import type { Wire } from '../../../../shared/api/wire';
import { apiFetch } from '../../api';

export const UNIT_KINDS = RESIDENT_UNIT_KINDS;
export type UnitKind = ResidentUnitKind;
export const WINDOW_DAYS = ['weekdays', 'weekends', 'daily'] as const;

// As the server answers them (src/shared/api/units.ts).
export type { AgreementWindow };
export type Agreement = Wire<api.AgreementResponse>;
export type ResidentUnit = Wire<api.ResidentUnitResponse>;
export type ResidentUnitDetail = Wire<api.ResidentUnitDetail>;

export type AgreementDraft = Omit<Agreement, 'version' | 'recordedAt'>;

export function listUnits(): Promise<{ units: ResidentUnit[] }> {
  return apiFetch('/api/resident-units');
}

export function loadUnit(id: string): Promise<ResidentUnitDetail> {
  return apiFetch(`/api/resident-units/${id}`);
}

/** The unit of the staff member signed in, with every version of its agreement. */
export function loadOwnUnit(): Promise<ResidentUnitDetail> {
  return apiFetch('/api/resident-units/mine');
}

export function registerUnit(body: {
  associationId: string;
  name: string;
  kind: UnitKind;
  address: string;
  agreement: AgreementDraft;
}): Promise<ResidentUnitDetail> {
  return apiFetch('/api/resident-units', { method: 'POST', body });
}

export function addUnitStaff(
  id: string,
  body: { name: string; phone: string; password: string },
): Promise<{ id: string; name: string }> {
  return apiFetch(`/api/resident-units/${id}/staff`, { method: 'POST', body });
}
