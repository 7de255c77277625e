import { io, type Socket } from 'socket.io-client';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LiveEventName, LivePayload } from '../../shared/live';
import type { LiveEnded } from '../../shared/live/sessions';
import { apiFetch } from './api';
import { requestLang } from './i18n';
import { getSession, onSessionChange } from './session';

// The one live connection of a session: a socket on /live opened on first use and shared by
// every screen. Screens listen to events (onLive, useLiveEvent) and hold topics (useLiveTopic);
// a held topic is subscribed again on every (re)connect, because the server forgets a socket's
// rooms when it drops, so a phone that lost the network ends with a fresh snapshot. Standing
// rooms (member, household, association, council) need no subscribe: the server joins them at
// the handshake. Events are typed by the server's map (src/shared/live); features not yet in it
// are listened to by name with the payload type the screen expects.

export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

/** The payload of `subscribe`, e.g. `{ laneId }` or `{ carParkId }`. */
export type LiveTopic = Record<string, string>;

type Handler = (payload: never) => void;

/** A handshake refused (an expired token, say) is not retried by socket.io itself. */
const REFUSED_RETRY_MS = 3000;

let socket: Socket | null = null;
let socketMemberId: string | null = null;
let connection: LiveConnection = 'connecting';
/** Why the server last closed the socket on purpose (`live.ended`), if it said. */
let endedFor: LiveEnded['reason'] | null = null;
const connectionListeners = new Set<(state: LiveConnection) => void>();
const handlers = new Map<string, Set<Handler>>();
const topics = new Map<string, { topic: LiveTopic; holders: number }>();

/**
 * Calls `handler` with the payload of every `event` pushed to this session; returns an off().
 * The event `connect` fires on every (re)connection: read afresh what may have been missed.
 */
export function onLive<E extends LiveEventName>(
  event: E,
  handler: (payload: LivePayload<E>) => void,
): () => void;
/** An event of a feature not yet in the typed map, or `connect`. */
export function onLive<T>(event: string, handler: (payload: T) => void): () => void;
export function onLive(event: string, handler: (payload: never) => void): () => void {
  ensureSocket();
  const set = handlers.get(event) ?? new Set<Handler>();
  handlers.set(event, set);
  set.add(handler);
  return () => void set.delete(handler);
}

/**
 * Follows a topic until release(); several holders of the same topic share one subscription.
 * refresh() asks again, which brings a fresh snapshot (after a gap in a topic's seq, say).
 */
export function holdTopic(topic: LiveTopic): { release: () => void; refresh: () => void } {
  const key = JSON.stringify(topic);
  const held = topics.get(key);
  if (held) held.holders += 1;
  else topics.set(key, { topic, holders: 1 });
  const live = ensureSocket();
  if (!held && live.connected) live.emit('subscribe', topic);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const entry = topics.get(key);
      if (!entry || --entry.holders > 0) return;
      topics.delete(key);
      if (socket?.connected) socket.emit('unsubscribe', topic);
    },
    refresh() {
      if (!released && socket?.connected) socket.emit('subscribe', topic);
    },
  };
}

/** The connection's state, re-rendering the caller when it changes (opens the socket). */
export function useLiveConnection(): LiveConnection {
  const [state, setState] = useState(connection);
  useEffect(() => {
    ensureSocket();
    connectionListeners.add(setState);
    setState(connection);
    return () => void connectionListeners.delete(setState);
  }, []);
  return state;
}

/** onLive for a component: the newest `handler` runs, the listener goes with the component. */
export function useLiveEvent<E extends LiveEventName>(
  event: E,
  handler: (payload: LivePayload<E>) => void,
): void;
export function useLiveEvent<T>(event: string, handler: (payload: T) => void): void;
export function useLiveEvent(event: string, handler: (payload: never) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => onLive<never>(event, (payload) => latest.current(payload)), [event]);
}

/** useLiveEvent for several events at once, e.g. `{ connect: load, 'move.requested': add }`. */
export function useLiveEvents(on: Record<string, (payload: never) => void>): LiveConnection {
  const latest = useRef(on);
  latest.current = on;
  const names = Object.keys(on).sort().join('\n');
  useEffect(() => {
    const offs = names
      .split('\n')
      .map((event) =>
        onLive<unknown>(event, (payload) =>
          (latest.current[event] as ((value: unknown) => void) | undefined)?.(payload),
        ),
      );
    return () => offs.forEach((off) => off());
  }, [names]);
  return useLiveConnection();
}

/** holdTopic for a component (null holds nothing); returns refresh(). */
export function useLiveTopic(topic: LiveTopic | null): () => void {
  const key = topic ? JSON.stringify(topic) : null;
  const held = useRef<ReturnType<typeof holdTopic> | null>(null);
  useEffect(() => {
    if (!key) return undefined;
    const hold = holdTopic(JSON.parse(key) as LiveTopic);
    held.current = hold;
    return () => {
      hold.release();
      if (held.current === hold) held.current = null;
    };
  }, [key]);
  return useCallback(() => held.current?.refresh(), []);
}

function ensureSocket(): Socket {
  const memberId = getSession()?.member.id ?? null;
  if (socket && socketMemberId === memberId) return socket;
  closeSocket();
  socketMemberId = memberId;
  setConnection('connecting');
  const created = io('/live', {
    // A function, so every reconnect presents the newest access token.
    auth: (send) => send({ token: getSession()?.accessToken ?? '', lang: requestLang() }),
    // WebSocket only: several instances behind a balancer then need no sticky sessions.
    transports: ['websocket'],
    reconnectionDelayMax: 3000,
  });
  created.on('connect', () => {
    endedFor = null;
    setConnection('live');
    for (const { topic } of topics.values()) created.emit('subscribe', topic);
    dispatch('connect', undefined);
  });
  created.on('live.ended', (ended: LiveEnded) => {
    endedFor = ended.reason;
  });
  created.on('disconnect', (reason) => {
    setConnection('reconnecting');
    // The server closed this socket on purpose (a deploy, an expired token, a changed role):
    // socket.io leaves it closed, so connect again with the newest token. Not when this was the
    // oldest of too many connections of the member: the newer one is in use elsewhere.
    if (reason === 'io server disconnect' && endedFor !== 'live.too_many_sockets') {
      created.connect();
    }
  });
  created.on('connect_error', () => {
    setConnection('reconnecting');
    if (created.active) return; // a network failure: socket.io retries with backoff itself
    // The handshake was refused, most likely for an expired access token. Any API call
    // refreshes it (or ends the session, which closes this socket); then try again.
    const refused = getSession()?.accessToken;
    const retry = () => {
      const token = getSession()?.accessToken;
      if (socket !== created || !token) return;
      setTimeout(
        () => socket === created && created.connect(),
        token === refused ? REFUSED_RETRY_MS : 0,
      );
    };
    void apiFetch('/api/me').then(retry, retry);
  });
  created.onAny((event: string, payload: unknown) => dispatch(event, payload));
  socket = created;
  return created;
}

function dispatch(event: string, payload: unknown): void {
  for (const handler of handlers.get(event) ?? []) (handler as (value: unknown) => void)(payload);
}

function closeSocket(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  socketMemberId = null;
}

function setConnection(next: LiveConnection): void {
  if (next === connection) return;
  connection = next;
  for (const listener of connectionListeners) listener(next);
}

// Logging out, or in as someone else: the socket must not keep the old member's rooms.
onSessionChange((session) => {
  if (socket && session?.member.id !== socketMemberId) closeSocket();
});
