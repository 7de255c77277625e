import type * as api from '../../../../shared/api/street';
import type { Wire } from '../../../../shared/api/wire';
import { apiFetch } from '../../api';

/** GET /api/street/overview: figures per association, never a person (src/shared/api/street.ts). */
export type AssociationFigures = Wire<api.AssociationFigures>;
export type StreetOverview = Wire<api.StreetOverview>;

export function loadOverview(): Promise<StreetOverview> {
  return apiFetch<StreetOverview>('/api/street/overview');
}

/** "2026-03-02T10:00:00Z" → "18", the Beijing hour, whatever the phone's zone. */
export function beijingHour(iso: string): string {
  return String(new Date(new Date(iso).getTime() + 8 * 3600e3).getUTCHours());
}

/** "2026-03-02T10:00:00Z" → "2026-03-02 18:00" (Beijing). */
export function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600e3)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}
