import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';

/**
 * What a client can follow with `subscribe`. A feature registers one topic kind per thing it
 * publishes live, in its module's onModuleInit:
 *
 *   constructor(private readonly topics: LiveTopics) {}
 *   onModuleInit() { this.topics.register(this.laneTopic); }
 *
 * The client then emits `subscribe` with exactly one of the registered keys, e.g. `{ laneId }`
 * (spaces) or `{ carParkId }` (off-peak sharing), or `{}` for every id of every topic that offers
 * `all()`. For each id the gateway calls authorize(), joins the socket to rooms(), THEN reads
 * snapshot() (so no delta committed after the snapshot can be missed; one committed before it
 * arrives with a seq the client already has and is ignored), emits the snapshot, and acks.
 * Deltas reach the joined rooms through the feature's live listener (src/live/listeners); the
 * gateway stays generic.
 */
export interface LiveTopic {
  /** The field of the subscribe payload naming an id of this topic, e.g. 'laneId'. */
  key: string;
  /** Throws DomainError (not_found for ids of other associations, forbidden for roles). */
  authorize(actor: Actor, id: string): Promise<void>;
  /** The rooms whose deltas this actor should receive; the redacted audience is chosen here. */
  rooms(actor: Actor, id: string): string[];
  /** The current state, already redacted for the actor. */
  snapshot(actor: Actor, id: string): Promise<{ event: string; payload: unknown }>;
  /** Ids followed by `subscribe {}`: every id of this kind the actor may read. */
  all?(actor: Actor): Promise<string[]>;
}

@Injectable()
export class LiveTopics {
  private readonly topics = new Map<string, LiveTopic>();

  register(topic: LiveTopic): void {
    if (this.topics.has(topic.key)) throw new Error(`live topic "${topic.key}" registered twice`);
    this.topics.set(topic.key, topic);
  }

  byKey(key: string): LiveTopic | undefined {
    return this.topics.get(key);
  }

  keys(): string[] {
    return [...this.topics.keys()];
  }

  list(): LiveTopic[] {
    return [...this.topics.values()];
  }
}
