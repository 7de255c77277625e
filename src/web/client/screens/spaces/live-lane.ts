import { useEffect, useRef, useState } from 'preact/hooks';
import { type LiveConnection, useLiveConnection, useLiveEvent, useLiveTopic } from '../../live';

// The lane maps' data: `subscribe { laneId }` on the session's live socket (../../live.ts). The
// server redacts per reader: staff see plates; residents see states, counts and their own car.

export type SpaceState = 'free' | 'occupied' | 'reserved' | 'closed';

export interface MapSpace {
  id: string;
  code: string;
  x: number;
  y: number;
  angle: number;
  sizeClass: 'small' | 'standard' | 'large';
  state: SpaceState;
  closedReason: string | null;
  restrictedNow: string | null;
  occupant: { plate: string; since: string; visitor: boolean; mine: boolean } | null;
}

export interface Counts {
  free: number;
  occupied: number;
  reserved: number;
  closed: number;
  total: number;
}

export interface LaneMap {
  laneId: string;
  seq: number;
  spaces: MapSpace[];
  counts: Counts;
}

interface SpaceUpdate {
  laneId: string;
  seq: number;
  space: MapSpace;
  counts: Counts;
  removed?: boolean;
}

/**
 * A lane's spaces, live: a snapshot on every (re)subscribe, then deltas. Deltas carry a per-lane
 * seq: one we already have is a duplicate (or was committed before the snapshot), a jump means
 * we missed one and ask for a fresh snapshot.
 */
export function useLiveLane(laneId: string | null): {
  map: LaneMap | null;
  connection: LiveConnection;
} {
  const [map, setMap] = useState<LaneMap | null>(null);
  const current = useRef<LaneMap | null>(null);
  const connection = useLiveConnection();
  const apply = (next: LaneMap | null) => {
    current.current = next;
    setMap(next);
  };
  useEffect(() => apply(null), [laneId]);
  useLiveEvent<LaneMap>('snapshot', (snapshot) => {
    if (laneId && snapshot.laneId === laneId) apply(snapshot);
  });
  useLiveEvent<SpaceUpdate>('space.updated', (update) => {
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
