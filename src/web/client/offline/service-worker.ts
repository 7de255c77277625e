// The client as an app the phone keeps: registers the service worker (src/web/service-worker.mjs,
// served as /app/sw.js), forgets a member's offline data when they log out, and sends the
// warden's queued scans whenever the network returns, whichever screen is open.
import { syncQueue } from '../permits/scan-cache';
import { onSessionChange } from '../session';
import { forgetLaneSnapshots } from './lane-snapshots';

/** The service worker's cache of member data (its DATA_CACHE). */
const DATA_CACHE = 'hutong-data';

export function startOfflineSupport(): void {
  // Browsers allow service workers on https and on localhost only; elsewhere the client simply
  // needs the network, as before.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  }
  let memberId: string | null = null;
  onSessionChange((session) => {
    const next = session?.member.id ?? null;
    if (memberId !== null && next !== memberId) forgetMemberData();
    memberId = next;
  });
  window.addEventListener('online', () => void syncQueue().catch(() => undefined));
}

function forgetMemberData(): void {
  forgetLaneSnapshots();
  if ('caches' in window) void caches.delete(DATA_CACHE).catch(() => undefined);
}
