import { apiFetch } from '../../api';

export const UNIT_KINDS = ['office', 'company', 'school', 'hospital', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const WINDOW_DAYS = ['weekdays', 'weekends', 'daily'] as const;

export interface AgreementWindow {
  days: 'weekdays' | 'weekends' | 'daily' | 'custom';
  weekdays?: number[];
  from: string;
  to: string;
}

export interface Agreement {
  version: number;
  termFrom: string;
  termTo: string;
  places: number;
  windows: AgreementWindow[];
  liability: string;
  contactName: string;
  contactPhone: string;
  signedOn: string;
  associationFeePercent: number;
  recordedAt: string;
}

export interface ResidentUnit {
  id: string;
  associationId: string;
  associationName: string;
  name: string;
  kind: UnitKind;
  address: string;
  agreement: Agreement | null;
  staffCount: number;
}

export interface ResidentUnitDetail extends ResidentUnit {
  history: Agreement[];
  staff: { id: string; name: string; phone: string }[];
}

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
