import { useEffect, useRef, useState } from 'preact/hooks';
import type { LaneSnapshot } from '../../../../shared/live/spaces';
import { type LiveConnection, useLiveConnection, useLiveEvent, useLiveTopic } from '../../live';
import { storedLaneSnapshot, storeLaneSnapshot } from '../../offline/lane-snapshots';

// The lane maps' data: `subscribe { laneId }` on the session's live socket (../../live.ts). The
// server redacts per reader: staff see plates; residents see states, counts and their own car.
// The shapes are the server's own (src/shared/live/spaces.ts).

export type {
  LaneCounts as Counts,
  LaneSnapshot as LaneMap,
  MapSpace,
  SpaceState,
} from '../../../../shared/live/spaces';

/**
 * A lane's spaces, live: a snapshot on every (re)subscribe, then deltas. Deltas carry a per-lane
 * seq: one we already have is a duplicate (or was committed before the snapshot), a jump means
 * we missed one and ask for a fresh snapshot.
 */
export function useLiveLane(laneId: string | null): {
  map: LaneSnapshot | null;
  connection: LiveConnection;
} {
  // The last snapshot kept on the phone until the socket sends one: the map opens offline.
  const [map, setMap] = useState<LaneSnapshot | null>(() =>
    laneId ? storedLaneSnapshot(laneId) : null,
  );
  const current = useRef<LaneSnapshot | null>(map);
  const connection = useLiveConnection();
  const apply = (next: LaneSnapshot | null) => {
    current.current = next;
    setMap(next);
    if (next) storeLaneSnapshot(next);
  };
  useEffect(() => apply(laneId ? storedLaneSnapshot(laneId) : null), [laneId]);
  // `snapshot` is every topic's; the lane's is the one naming this lane.
  useLiveEvent('snapshot', (payload) => {
    const snapshot = payload as LaneSnapshot;
    if (laneId && snapshot.laneId === laneId) apply(snapshot);
  });
  useLiveEvent('space.updated', (update) => {
    const known = current.current;
    if (update.laneId !== laneId || !known) return;
    if (update.seq > known.seq + 1) return resubscribe();
    if (update.seq <= known.seq) return;
    const others = known.spaces.filter((s) => s.id !== update.space.id);
    const spaces = update.removed ? others : [...others, update.space];
    spaces.sort((a, b) => a.code.localeCompare(b.code));
    apply({ laneId: update.laneId, seq: update.seq, spaces, counts: update.counts });
  });
  const resubscribe = useLiveTopic(laneId ? { laneId } : null);
  return { map, connection };
}
