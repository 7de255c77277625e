// What /api/resident-units answers: resident units (驻区单位), their agreements and staff. The
// street's and the council's screens read it as `Wire<…>` (src/shared/api/wire.ts); the OpenAPI
// classes in src/associations/units/dto/resident-unit.view.ts implement these. Types only.
import type { WeeklyRule } from './sharing';

export const RESIDENT_UNIT_KINDS = ['office', 'company', 'school', 'hospital', 'other'] as const;
export type ResidentUnitKind = (typeof RESIDENT_UNIT_KINDS)[number];

/** A window the agreement lends places in, as an offer states it. */
export type AgreementWindow = WeeklyRule;

/** What a resident unit signed (协议): one version; a change is the next version. */
export interface AgreementResponse {
  version: number;
  /** "2026-01-01" */
  termFrom: string;
  termTo: string;
  places: number;
  windows: AgreementWindow[];
  liability: string;
  contactName: string;
  contactPhone: string;
  signedOn: string;
  /** Per cent of the sharing fees the agreement gives the association (0: none). */
  associationFeePercent: number;
  recordedAt: string;
}

export interface UnitStaff {
  id: string;
  name: string;
  /** Masked (138****0601) unless the reader needs it. */
  phone: string;
}

export interface ResidentUnitResponse {
  id: string;
  associationId: string;
  associationName: string;
  name: string;
  kind: ResidentUnitKind;
  address: string;
  /** The current version. */
  agreement: AgreementResponse | null;
  /** Staff accounts of the unit. */
  staffCount: number;
}

export interface ResidentUnitDetail extends ResidentUnitResponse {
  /** Every version, the newest first. */
  history: AgreementResponse[];
  staff: UnitStaff[];
}

export interface ResidentUnitList {
  units: ResidentUnitResponse[];
}
