import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { Clock } from '../common/clock';
import { citeArticle } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import type { LaneSpacesView, SpaceUpdateView } from './dto/space.view';
import { loadLaneSpaces, type SpaceRecord } from './space-record';
import { countsOf } from './space-state';
import {
  type MapContext,
  PUBLIC_READER,
  type Reader,
  readerOf,
  STAFF_READER,
  toLaneSpacesView,
  toSpaceView,
} from './space-views';

export const SPACE_UPDATED = 'space.updated';

/** A committed change of one space, with the lane as it is after it. */
export interface SpaceChange {
  associationId: string;
  laneId: string;
  seq: number;
  space: SpaceRecord;
  /** The lane's spaces after the change, for the counts. */
  spaces: SpaceRecord[];
  /** The space left the map (its consent was refused). */
  removed?: boolean;
  /** Households whose own car is involved: they receive the copy showing their plate. */
  households: (string | null)[];
  /**
   * The map context the change was decided with, when the caller has it: publishing then goes
   * out right after the commit instead of waiting for the convention's rules to be read again.
   */
  context?: MapContext;
}

/** The lane's live map: consistent reads with their seq, and pushes after commit. */
@Injectable()
export class LaneMapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly associations: AssociationsService,
    private readonly rules: ConventionRulesService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Called first inside every transaction that changes a lane's spaces: takes the lane's row
   * lock (so changes of one lane commit one at a time) and the next seq for the live map.
   */
  static async nextSeq(em: EntityManager, laneId: string): Promise<number> {
    const rows: [{ live_seq: string }[], number] = await em.query(
      `UPDATE lane SET live_seq = live_seq + 1 WHERE id = $1 RETURNING live_seq`,
      [laneId],
    );
    return Number(rows[0][0]!.live_seq);
  }

  async context(associationId: string): Promise<MapContext> {
    const now = this.clock.now();
    const rules = await this.rules.rulesInForce(associationId, now);
    // The convention's windows carry their article, so a refusal cites it.
    const conventionWindows = rules.parameters.noParkingWindows.map((w) => ({
      ...w,
      reason: citeArticle(rules, 'noParkingWindows', w.reason),
    }));
    return { now, conventionWindows };
  }

  /** The spaces and the seq they are at, read in one snapshot. */
  async read(laneId: string): Promise<{ seq: number; spaces: SpaceRecord[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const lane: { live_seq: string }[] = await em.query(
        `SELECT live_seq FROM lane WHERE id = $1`,
        [laneId],
      );
      return { seq: Number(lane[0]?.live_seq ?? 0), spaces: await loadLaneSpaces(em, laneId) };
    });
  }

  async laneSpaces(actor: Actor, laneId: string): Promise<LaneSpacesView> {
    const lane = await this.associations.readableLane(actor, laneId);
    return this.view(laneId, readerOf(actor, lane.associationId), lane.associationId);
  }

  async view(laneId: string, reader: Reader, associationId: string): Promise<LaneSpacesView> {
    const [{ seq, spaces }, context] = await Promise.all([
      this.read(laneId),
      this.context(associationId),
    ]);
    return toLaneSpacesView(laneId, seq, spaces, reader, context);
  }

  /** After commit only: one redacted copy per audience, and each involved household's own. */
  async publish(change: SpaceChange): Promise<void> {
    const context = change.context ?? (await this.context(change.associationId));
    const counts = countsOf(change.spaces, context.now);
    const update = (reader: Reader): SpaceUpdateView => ({
      laneId: change.laneId,
      seq: change.seq,
      space: toSpaceView(change.space, reader, context),
      counts,
      ...(change.removed ? { removed: true } : {}),
    });
    const households = [...new Set(change.households.filter((h): h is string => h !== null))];
    this.push({
      room: rooms.laneAudience(change.laneId, 'staff'),
      event: SPACE_UPDATED,
      payload: update(STAFF_READER),
    });
    this.push({
      room: rooms.laneAudience(change.laneId, 'public'),
      except: households.map(rooms.household),
      event: SPACE_UPDATED,
      payload: update(PUBLIC_READER),
    });
    for (const householdId of households) {
      this.push({
        room: rooms.household(householdId),
        event: SPACE_UPDATED,
        payload: update({ staff: false, householdId }),
      });
    }
  }

  private push(message: LivePush): void {
    this.events.emit(LIVE_PUSH, message);
  }
}
