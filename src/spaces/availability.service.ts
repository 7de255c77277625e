import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { associationToRead } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import type {
  AssociationAvailabilityView,
  AvailabilityQuery,
  LaneAvailabilityView,
} from './dto/availability.dto';
import { LaneMapService } from './lane-map.service';
import { availabilityNow, freeBetween, type MapContext, sumCounts } from './space-state';
import { localTimeToday } from './time-windows';

const MAX_WINDOW_DAYS = 7;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 3600 * 1000;
const NOW_MS = 60_000;

/** A window asked for, or none: "free now". */
type Window = { from: Date; to: Date; now: boolean };

/** "Free now", "free between 19:00 and 07:00": per lane and per association. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly map: LaneMapService,
  ) {}

  async forLane(
    actor: Actor,
    laneId: string,
    query: AvailabilityQuery,
  ): Promise<LaneAvailabilityView> {
    const lane = await this.associations.readableLane(actor, laneId);
    const context = await this.map.context(lane.associationId);
    return this.laneAvailability(lane.id, lane.name, windowOf(query, context.now), context);
  }

  async forAssociation(
    actor: Actor,
    query: AvailabilityQuery & { associationId?: string },
  ): Promise<AssociationAvailabilityView> {
    const associationId = associationToRead(actor, query.associationId);
    const context = await this.map.context(associationId);
    const window = windowOf(query, context.now);
    const lanes = await this.associations.listLanes(actor, associationId);
    const views = await Promise.all(
      lanes.map((lane) => this.laneAvailability(lane.id, lane.name, window, context)),
    );
    return {
      associationId,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      freeInWindow: views.reduce((sum, v) => sum + v.freeInWindow, 0),
      counts: sumCounts(views.map((v) => v.counts)),
      lanes: views,
    };
  }

  private async laneAvailability(
    laneId: string,
    laneName: string,
    window: Window,
    context: MapContext,
  ): Promise<LaneAvailabilityView> {
    const { spaces } = await this.map.read(laneId);
    const now = availabilityNow(spaces, context);
    // "Free now" is the very list the counts were made from; a window asked for is its own question.
    const free = window.now
      ? now.free
      : spaces.filter((s) => freeBetween(s, context, window.from, window.to));
    return {
      laneId,
      laneName,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      counts: now.counts,
      freeInWindow: free.length,
      freeSpaces: free.map((s) => ({ id: s.id, code: s.code, kind: s.kind })),
    };
  }
}

function windowOf(query: AvailabilityQuery, now: Date): Window {
  if (!query.from && !query.to) {
    // "Free now" means free for the next minute: no window begins, no car is there.
    return { from: now, to: new Date(now.getTime() + NOW_MS), now: true };
  }
  const from = query.from ? instantOf(query.from, now) : now;
  const to = query.to ? instantOf(query.to, now, from) : new Date(from.getTime() + NOW_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new DomainError('availability.time_invalid');
  if (to <= from) throw new DomainError('availability.window_reversed');
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS)
    throw new DomainError('availability.window_too_long', { days: MAX_WINDOW_DAYS });
  return { from, to, now: false };
}

function instantOf(value: string, now: Date, after?: Date): Date {
  return /^\d\d:\d\d$/.test(value) ? localTimeToday(value, now, after) : new Date(value);
}
