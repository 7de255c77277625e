// What the resident's own screens read and send: vehicle change requests, the household's
// violations and appeals, past bookings and scans of their permits.
import type { HolderScan } from '../../../../shared/api/permits';
import type { BookingResponse } from '../../../../shared/api/sharing';
import type {
  VehicleChangeResponse,
  VehicleChangeRuleResponse,
  VehicleChangeStatus,
} from '../../../../shared/api/vehicle-changes';
import type { AppealStatus, ViolationResponse } from '../../../../shared/api/violations';
import type { Page, Wire } from '../../../../shared/api/wire';
import { articleLabel } from '../../../../shared/reasons';
import { apiFetch } from '../../api';
import { getLang } from '../../i18n';
import type { PlateColor } from '../../me';

export type { Page };

// As the server answers them (src/shared/api/vehicle-changes.ts).
/** GET /api/vehicle-changes/rule */
export type VehicleChangeRule = VehicleChangeRuleResponse;
export type { VehicleChangeStatus };
export type VehicleChange = Wire<VehicleChangeResponse>;

export type { AppealStatus };

/** The household's own violations (GET /api/violations as a resident). */
export type HouseholdViolation = Wire<ViolationResponse>;

/** GET /api/bookings/history */
export type PastBooking = Wire<BookingResponse>;

/** GET /api/scans/mine */
export type PermitScan = Wire<HolderScan>;

export const PLATE_COLORS: readonly PlateColor[] = ['blue', 'green', 'yellow', 'white', 'black'];

export const vehicleChangeRule = () => apiFetch<VehicleChangeRule>('/api/vehicle-changes/rule');
export const myVehicleChanges = () =>
  apiFetch<Page<VehicleChange>>('/api/vehicle-changes?pageSize=50');
export const requestVehicleChange = (body: {
  vehicleId?: string;
  plate: string;
  plateColor: PlateColor;
}) => apiFetch<VehicleChange>('/api/vehicle-changes', { method: 'POST', body });

export const myViolations = () =>
  apiFetch<Page<HouseholdViolation>>('/api/violations?pageSize=100');
export const appeal = (id: string, reason: string) =>
  apiFetch<HouseholdViolation>(`/api/violations/${id}/appeal`, {
    method: 'POST',
    body: { reason },
  });

export const pastBookings = (page: number) =>
  apiFetch<Page<PastBooking>>(`/api/bookings/history?pageSize=20&page=${page}`);
export const permitScans = (page: number) =>
  apiFetch<Page<PermitScan>>(`/api/scans/mine?pageSize=20&page=${page}`);

/** "公约第三条" / "Article 3 of the convention"; the default rules when none is in force. */
export function citeArticle(article: number | null): string {
  const en = getLang() === 'en';
  if (article === null) return en ? 'the default rules' : '默认规则';
  return en ? `Article ${article} of the convention` : `公约${articleLabel(article)}`;
}

/** "2026-03-02 18:00" in Beijing, whatever the phone's zone. */
export function beijingMinute(iso: string): string {
  return new Date(iso)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16);
}
