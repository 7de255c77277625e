import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { rooms } from '../live/live-events';
import type { LiveTopic } from '../live/live-topics';
import { LaneMapService } from './lane-map.service';
import { readerOf } from './space-views';
import { canSeePlates } from './spaces.policy';

/**
 * `subscribe { laneId }`: the lane's live map. Staff of the lane's association join the staff
 * room (plates), everyone else who may read the lane joins the public room; a resident's own
 * car reaches them through their household room (see src/live/listeners/spaces.listener.ts).
 */
@Injectable()
export class LaneTopic implements LiveTopic {
  readonly key = 'laneId';
  /** Lane → association, so rooms() stays synchronous after authorize() has looked it up. */
  private readonly associationOf = new Map<string, string>();

  constructor(
    private readonly associations: AssociationsService,
    private readonly map: LaneMapService,
  ) {}

  async authorize(actor: Actor, laneId: string): Promise<void> {
    const lane = await this.associations.readableLane(actor, laneId);
    this.associationOf.set(laneId, lane.associationId);
  }

  rooms(actor: Actor, laneId: string): string[] {
    const staff = canSeePlates(actor, this.associationOf.get(laneId) ?? '');
    return [rooms.laneAudience(laneId, staff ? 'staff' : 'public')];
  }

  async snapshot(actor: Actor, laneId: string): Promise<{ event: string; payload: unknown }> {
    const associationId = this.associationOf.get(laneId) ?? actor.associationId;
    const payload = await this.map.view(laneId, readerOf(actor, associationId), associationId);
    return { event: 'snapshot', payload };
  }

  async all(actor: Actor): Promise<string[]> {
    const lanes = await this.associations.listLanes(actor, actor.associationId);
    for (const lane of lanes) this.associationOf.set(lane.id, lane.associationId);
    return lanes.map((lane) => lane.id);
  }
}
