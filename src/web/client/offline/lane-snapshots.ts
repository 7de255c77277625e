import type { LaneSnapshot } from '../../../shared/live/spaces';

// The last snapshot of each lane a member watched, so the map opens with no network (a warden in
// a lane with no signal): shown until the live socket sends a fresh one. Staff snapshots carry
// plates, so they are forgotten at logout (./service-worker.ts).

const PREFIX = 'hutong.lane.';

export function storedLaneSnapshot(laneId: string): LaneSnapshot | null {
  try {
    const raw = localStorage.getItem(PREFIX + laneId);
    return raw ? (JSON.parse(raw) as LaneSnapshot) : null;
  } catch {
    return null;
  }
}

export function storeLaneSnapshot(snapshot: LaneSnapshot): void {
  try {
    localStorage.setItem(PREFIX + snapshot.laneId, JSON.stringify(snapshot));
  } catch {
    // Storage full or refused: the map still works online.
  }
}

export function forgetLaneSnapshots(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing stored.
  }
}
