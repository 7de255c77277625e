import { apiFetch } from '../../api';
import type { Page } from '../../permits/permits-api';
import type { VehicleChange } from '../resident/resident-api';

// What the council's review screen asks of src/vehicle-changes/vehicle-changes.controller.ts.

/** A request as the council sees it (the same shape: it names the household that sent it). */
export type CouncilVehicleChange = VehicleChange;

export const pendingVehicleChanges = () =>
  apiFetch<Page<CouncilVehicleChange>>('/api/vehicle-changes?status=pending&pageSize=100');

/** Decided requests, newest first as the API lists them; "applied" ones never waited. */
export const decidedVehicleChanges = async () => {
  const [approved, refused] = await Promise.all([
    apiFetch<Page<CouncilVehicleChange>>('/api/vehicle-changes?status=approved&pageSize=30'),
    apiFetch<Page<CouncilVehicleChange>>('/api/vehicle-changes?status=refused&pageSize=30'),
  ]);
  return [...approved.items, ...refused.items].sort((a, b) =>
    (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''),
  );
};

export const approveVehicleChange = (id: string, note?: string) =>
  apiFetch<CouncilVehicleChange>(`/api/vehicle-changes/${id}/approve`, {
    method: 'POST',
    body: note ? { note } : {},
  });

export const refuseVehicleChange = (id: string, note: string) =>
  apiFetch<CouncilVehicleChange>(`/api/vehicle-changes/${id}/refuse`, {
    method: 'POST',
    body: { note },
  });
