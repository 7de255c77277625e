import { io, type Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { getSession } from '../../session';

// The live map's connection: one socket on /live, (re)subscribed on every connect, so a phone
// that lost the network ends with a fresh snapshot. Deltas carry a per-lane seq: one we already
// have is a duplicate copy, a jump means we missed one and ask for a fresh snapshot.

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

export type Connection = 'connecting' | 'live' | 'reconnecting';

export function useLiveLane(laneId: string | null): {
  map: LaneMap | null;
  connection: Connection;
} {
  const [map, setMap] = useState<LaneMap | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');

  useEffect(() => {
    if (!laneId) return undefined;
    let current: LaneMap | null = null;
    const apply = (next: LaneMap) => {
      current = next;
      setMap(next);
    };
    const socket: Socket = io('/live', {
      // A function, so every reconnect presents the newest access token.
      auth: (send) => send({ token: getSession()?.accessToken ?? '' }),
      transports: ['websocket'],
      reconnectionDelayMax: 3000,
    });
    const subscribe = () => socket.emit('subscribe', { laneId });
    socket.on('connect', () => {
      setConnection('live');
      subscribe();
    });
    socket.on('disconnect', () => setConnection('reconnecting'));
    socket.on('connect_error', (error: Error & { data?: { statusCode?: number } }) => {
      setConnection('reconnecting');
      // An expired token: any API call refreshes it; the next attempt then succeeds.
      if (error.data?.statusCode === 401) void apiFetch('/api/me').catch(() => undefined);
    });
    socket.on('snapshot', (snapshot: LaneMap) => {
      if (snapshot.laneId === laneId) apply(snapshot);
    });
    socket.on('space.updated', (update: SpaceUpdate) => {
      if (update.laneId !== laneId || !current) return;
      if (update.seq > current.seq + 1) return subscribe();
      if (update.seq < current.seq) return;
      const others = current.spaces.filter((s) => s.id !== update.space.id);
      const spaces = update.removed ? others : [...others, update.space];
      spaces.sort((a, b) => a.code.localeCompare(b.code));
      apply({ laneId, seq: update.seq, spaces, counts: update.counts });
    });
    return () => {
      socket.disconnect();
    };
  }, [laneId]);

  return { map, connection };
}
