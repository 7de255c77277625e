import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { citeArticle } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import type { Tx } from '../database/transactions';
import type { LaneSnapshot } from '../shared/live/spaces';
import type { SpaceRecord } from './space-record';
import type { MapContext } from './space-state';
import { SpaceRepository } from './space.repository';
import { SpaceChanged } from './spaces.events';
import { type Reader, readerOf, toLaneSnapshot } from './space-views';

/** A change of one space, inside its transaction, once its seq is taken (SpaceRepository.nextSeq). */
export interface LaneChange {
  associationId: string;
  laneId: string;
  seq: number;
  spaceId: string;
  context: MapContext;
  /** Households whose own car is involved: they receive the copy showing their plate. */
  households?: readonly (string | null)[];
  /** The space as it was, for a change that takes it off the map. */
  before?: SpaceRecord;
}

/** The lane's live map: consistent reads with their seq, and the change events after commit. */
@Injectable()
export class LaneMapService {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly associations: AssociationsService,
    private readonly rules: ConventionRulesService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** The moment and the convention's no-parking windows, which decide every space's state. */
  async context(associationId: string): Promise<MapContext> {
    const now = this.clock.now();
    const rules = await this.rules.rulesInForce(associationId, now);
    const article = rules.articleFor('noParkingWindows')?.number ?? null;
    // The convention's windows carry their article, so the map and a refusal cite it.
    const conventionWindows = rules.parameters.noParkingWindows.map((w) => ({
      from: w.from,
      to: w.to,
      days: w.days ?? null,
      reason: citeArticle(rules, 'noParkingWindows', w.reason),
      article,
    }));
    return { now, conventionWindows };
  }

  /** The spaces and the seq they are at, read in one snapshot. */
  read(laneId: string): Promise<{ seq: number; spaces: SpaceRecord[] }> {
    return this.spaces.laneMap(laneId);
  }

  async laneSpaces(actor: Actor, laneId: string): Promise<LaneSnapshot> {
    const lane = await this.associations.readableLane(actor, laneId);
    return this.view(laneId, readerOf(actor, lane.associationId), lane.associationId);
  }

  async view(laneId: string, reader: Reader, associationId: string): Promise<LaneSnapshot> {
    const [{ seq, spaces }, context] = await Promise.all([
      this.read(laneId),
      this.context(associationId),
    ]);
    return toLaneSnapshot(laneId, seq, spaces, reader, context);
  }

  /**
   * Last step of a change's transaction: reads the lane as the change leaves it and publishes
   * SpaceChanged, delivered once the transaction commits (never if it rolls back).
   */
  async changed(
    tx: Tx,
    change: LaneChange,
  ): Promise<{ space: SpaceRecord; lane: SpaceRecord[]; removed: boolean }> {
    const lane = await this.spaces.laneSpaces(tx, change.laneId);
    const after = lane.find((s) => s.id === change.spaceId);
    const space = after ?? { ...change.before!, consent: 'rejected' as const };
    const households = [
      ...new Set((change.households ?? []).filter((h): h is string => h !== null)),
    ];
    this.events.publish(
      tx,
      new SpaceChanged(
        change.associationId,
        change.laneId,
        change.seq,
        space,
        lane,
        change.context,
        households,
        !after,
      ),
    );
    return { space, lane, removed: !after };
  }
}
