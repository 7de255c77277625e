// What a warden's phone keeps for scanning without network: the public keys, the revocation
// list (kept current with ETag and `since`), the association's scope ids, and scans to sync.
import { ApiError, apiFetch } from '../api';
import { type OfflineContext, type PublicJwk, type Revocation, shortId } from './offline-verify';

const KEY = 'hutong.scan.cache';
const QUEUE = 'hutong.scan.queue';

interface Cache extends OfflineContext {
  etag: string | null;
  asOf: string | null;
  refreshedAt: string | null;
}

export interface QueuedScan {
  idempotencyKey: string;
  token?: string;
  permitNumber?: number;
  plate?: string;
  plateSeen?: string;
  scannedAt: string;
}

export function loadCache(): Cache {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) return JSON.parse(stored) as Cache;
  } catch {
    // A damaged cache is rebuilt on the next refresh.
  }
  return { keys: [], revocations: {}, scopeIds: [], etag: null, asOf: null, refreshedAt: null };
}

/** Downloads what changed; keeps the old cache when the network is down. */
export async function refreshCache(): Promise<Cache> {
  const cache = loadCache();
  const jwks = await apiFetch<{ keys: PublicJwk[] }>('/.well-known/jwks.json', { auth: false });
  const me = await apiFetch<{ association: { id: string } }>('/api/me');
  const lanes = await apiFetch<{ id: string }[]>('/api/lanes');
  cache.keys = jwks.keys;
  cache.scopeIds = [me.association.id, ...lanes.map((l) => l.id)].map(shortId);
  const since = cache.asOf ? `?since=${encodeURIComponent(cache.asOf)}` : '';
  try {
    const list = await apiFetch<{ asOf: string; entries: Revocation[] }>(
      `/api/permits/revocations${since}`,
      { headers: cache.etag ? { 'if-none-match': cache.etag } : {} },
    );
    for (const entry of list.entries) {
      if (entry.state === 'reinstated') delete cache.revocations[String(entry.number)];
      else cache.revocations[String(entry.number)] = entry;
    }
    cache.asOf = list.asOf;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 304)) throw error;
  }
  cache.refreshedAt = new Date().toISOString();
  localStorage.setItem(KEY, JSON.stringify(cache));
  return cache;
}

export function queuedScans(): QueuedScan[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) ?? '[]') as QueuedScan[];
  } catch {
    return [];
  }
}

export function enqueueScan(scan: QueuedScan): void {
  localStorage.setItem(QUEUE, JSON.stringify([...queuedScans(), scan]));
}

// One sync at a time: the scan screen and the app shell both sync when the network returns.
let syncing: Promise<number> | null = null;

/** Sends queued scans with their idempotency keys: a scan sent twice is recorded once. */
export function syncQueue(): Promise<number> {
  syncing ??= sendQueued().finally(() => (syncing = null));
  return syncing;
}

async function sendQueued(): Promise<number> {
  let sent = 0;
  for (const scan of queuedScans()) {
    try {
      await apiFetch('/api/scans', { body: { ...scan, offline: true } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) break;
      // Refused for good (e.g. a bad token): keep no poison in the queue.
    }
    localStorage.setItem(
      QUEUE,
      JSON.stringify(queuedScans().filter((s) => s.idempotencyKey !== scan.idempotencyKey)),
    );
    sent += 1;
  }
  return sent;
}

export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
