import { apiFetch } from '../../api';

/** GET /api/street/overview: figures per association, never a person. */
export interface AssociationFigures {
  id: string;
  name: string;
  community: string;
  lanes: number;
  spaces: number;
  occupiedNow: number;
  freeNow: number;
  coverageGapsNext7Days: number;
  uncoveredHoursNext7Days: number;
  violationsThisMonth: number;
  bookingsTonight: number;
  occupancyByHour: { at: string; parked: number }[];
  violationsByMonth: { month: string; count: number }[];
  persuasionsByMonth: { month: string; outcome: string; count: number }[];
  persuasionsThisMonth: number;
}

export interface StreetOverview {
  streetOffice: string | null;
  generatedAt: string;
  associations: AssociationFigures[];
}

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
