// The typed map of the /live namespace, server → client: every event name with its payload.
// The server's LiveEmitter accepts only these; the client's onLive() is typed by them. Each
// feature declares the events it is pushed in its own file here (pure: no Nest, no DOM).
import type { ConventionsLiveEvents } from './conventions';
import type { PermitsLiveEvents } from './permits';
import type { RostersLiveEvents } from './rosters';
import type { SessionLiveEvents } from './sessions';
import type { SharingLiveEvents } from './sharing';
import type { SpacesLiveEvents } from './spaces';
import type { ViolationsLiveEvents } from './violations';

export interface ServerToClientEvents
  extends
    SessionLiveEvents,
    SpacesLiveEvents,
    PermitsLiveEvents,
    SharingLiveEvents,
    RostersLiveEvents,
    ConventionsLiveEvents,
    ViolationsLiveEvents {
  /**
   * A topic's current state, sent after `subscribe` and on every reconnect: `LaneSnapshot`
   * (./spaces) for `{ laneId }`; each topic's own shape otherwise.
   */
  snapshot: (payload: unknown) => void;
}

export type LiveEventName = keyof ServerToClientEvents;
export type LivePayload<E extends LiveEventName> = Parameters<ServerToClientEvents[E]>[0];
