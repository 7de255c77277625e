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
import { countsOf, emptyLaneCounts, freeBetween, type LaneCounts } from './space-state';
import type { MapContext } from './space-views';
import { localTimeToday } from './time-windows';

const MAX_WINDOW_MS = 7 * 24 * 3600 * 1000;

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
    window: { from: Date; to: Date },
    context: MapContext,
  ): Promise<LaneAvailabilityView> {
    const { spaces } = await this.map.read(laneId);
    const free = spaces.filter((s) =>
      freeBetween(s, context.conventionWindows, window.from, window.to, context.now),
    );
    return {
      laneId,
      laneName,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      counts: countsOf(spaces, context.now),
      freeInWindow: free.length,
      freeSpaces: free.map((s) => ({ id: s.id, code: s.code, kind: s.kind })),
    };
  }
}

function windowOf(query: AvailabilityQuery, now: Date): { from: Date; to: Date } {
  const from = query.from ? instantOf(query.from, now) : now;
  // "Free now" means free for the next minute: no window begins, no car is there.
  const to = query.to ? instantOf(query.to, now, from) : new Date(from.getTime() + 60_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw DomainError.invalid('时间无效 / from or to is not a valid time');
  if (to <= from) throw DomainError.invalid('结束须晚于开始 / `to` must be after `from`');
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS)
    throw DomainError.invalid('时间段最长7天 / the window may span at most 7 days');
  return { from, to };
}

function instantOf(value: string, now: Date, after?: Date): Date {
  return /^\d\d:\d\d$/.test(value) ? localTimeToday(value, now, after) : new Date(value);
}

function sumCounts(all: LaneCounts[]): LaneCounts {
  const total = emptyLaneCounts();
  for (const counts of all) {
    for (const state of ['free', 'occupied', 'reserved', 'closed', 'total'] as const) {
      total[state] += counts[state];
      total.byKind.self_made[state] += counts.byKind.self_made[state];
      total.byKind.shared[state] += counts.byKind.shared[state];
    }
  }
  return total;
}
