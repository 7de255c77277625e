import type {
  MoveAnswer,
  MoveRequestResponse,
  PermitEventResponse,
  PermitResponse,
  PermitStatus,
  VisitorPassResponse,
} from '../../../shared/api/permits';
import type { Page, Wire } from '../../../shared/api/wire';
import { MOVE_ANSWERS } from '../../../shared/live/permits';
import { ApiError, apiFetch } from '../api';
import { t } from '../i18n';

// The permits API as the client screens use it (src/permits, OpenAPI at /api/docs-json).

export type { MoveAnswer, Page, PermitStatus };
export type Permit = Wire<PermitResponse>;
export type PermitEvent = Wire<PermitEventResponse>;
export type VisitorPass = Wire<VisitorPassResponse>;
export type MoveRequest = Wire<MoveRequestResponse>;
export { MOVE_ANSWERS };

export function listPermits(query: Record<string, string>): Promise<Page<Permit>> {
  const params = new URLSearchParams({ pageSize: '100', ...query });
  return apiFetch<Page<Permit>>(`/api/permits?${params.toString()}`);
}

/** POST /api/permits/:id/<action>: approve, reject, payment, suspend, reinstate, revoke, renew. */
export function permitAction(id: string, action: string, body: object = {}): Promise<Permit> {
  return apiFetch<Permit>(`/api/permits/${id}/${action}`, { method: 'POST', body });
}

/** The printable A6 card is served behind the Bearer token: open it as a blob in a new tab. */
export async function openPermitCard(id: string): Promise<void> {
  // Opened before the fetch, so the phone's popup blocker sees the tap that asked for it.
  const tab = window.open('', '_blank');
  const html = await apiFetch<string>(`/api/permits/${id}/card`, {
    headers: { accept: 'text/html' },
  });
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (tab) tab.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The server's refusal in the reader's language, or a generic line. */
export function refusalOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : t('error.network');
}

/** "2026-03-02T10:00:00Z" → "2026-03-02 18:00", Beijing time whatever the phone's zone. */
export function beijingDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600e3)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** A `datetime-local` value (Beijing wall time) → an ISO instant with the +08:00 offset. */
export function fromBeijingInput(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** An instant → a `datetime-local` value in Beijing wall time. */
export function toBeijingInput(date: Date): string {
  return new Date(date.getTime() + 8 * 3600e3).toISOString().slice(0, 16);
}
