import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { Transactions, type Tx } from '../database/transactions';
import { clearPassageShortfall, type LaneSegmentRule } from './clear-passage';
import type {
  CreateRestrictionDto,
  CreateSpaceDto,
  LaneSegmentDto,
  UpdateSpaceDto,
} from './dto/layout.dto';
import type { SpaceView } from './dto/space.view';
import {
  type Point,
  projectOnLane,
  SPACE_DIMENSIONS,
  type SizeClass,
} from '../shared/lane-geometry';
import { LaneMapService } from './lane-map.service';
import { LaneSegmentRepository } from './lane-segment.repository';
import { OccupancyService } from './occupancy.service';
import type { SpaceRecord } from './space-record';
import type { MapContext } from './space-state';
import { type SpacePlacement, SpaceRepository } from './space.repository';
import { readerOf, toSpaceView } from './space-views';
import { canChangeLayout } from './spaces.policy';
import { ConsentNoticeChanged } from './spaces.events';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The council paints, moves and closes spaces. Every change of a lane's layout runs under the
 * lane's map lock (SpaceRepository.nextSeq), so the clear-passage check sees every other change.
 */
@Injectable()
export class LayoutService {
  constructor(
    private readonly transactions: Transactions,
    private readonly spaces: SpaceRepository,
    private readonly segmentRows: LaneSegmentRepository,
    private readonly associations: AssociationsService,
    private readonly households: HouseholdsService,
    private readonly map: LaneMapService,
    private readonly occupancy: OccupancyService,
    private readonly events: DomainEvents,
  ) {}

  async segments(actor: Actor, laneId: string): Promise<LaneSegmentRule[]> {
    await this.associations.readableLane(actor, laneId);
    return this.segmentRows.forLane(laneId);
  }

  async replaceSegments(
    actor: Actor,
    laneId: string,
    segments: LaneSegmentDto[],
  ): Promise<LaneSegmentRule[]> {
    const lane = await this.associations.readableLane(actor, laneId);
    assertCouncil(actor, lane.associationId);
    for (const { fromM, toM, widthM, clearPassageM } of segments) {
      if (toM <= fromM) throw new DomainError('segment.range_invalid', { fromM, toM });
      if (clearPassageM > widthM)
        throw new DomainError('segment.passage_wider_than_lane', { clearPassageM, widthM });
    }
    await this.transactions.run(async (tx) => {
      await this.spaces.nextSeq(tx, laneId);
      await this.segmentRows.replace(tx, laneId, segments);
      assertClearPassage(segments, await this.spaces.laneSpaces(tx, laneId));
    });
    return this.segmentRows.forLane(laneId);
  }

  async createSpace(actor: Actor, laneId: string, dto: CreateSpaceDto): Promise<SpaceView> {
    const lane = await this.associations.readableLane(actor, laneId);
    assertCouncil(actor, lane.associationId);
    const facing = dto.facingHouseholdIds ?? [];
    await this.assertHouseholdsOf(actor, lane.associationId, [
      ...facing,
      ...(dto.householdId ? [dto.householdId] : []),
    ]);
    const context = await this.map.context(lane.associationId);
    const sizeClass = dto.sizeClass ?? 'standard';
    const change = await this.transactions.run(async (tx) => {
      const seq = await this.spaces.nextSeq(tx, laneId);
      // With nobody to consult the space is live at once; otherwise after the objection window.
      const id = await this.spaces.insert(tx, {
        associationId: lane.associationId,
        laneId,
        code: dto.code,
        ...place(lane.geometry, dto, sizeClass),
        householdId: dto.householdId ?? null,
        consent: facing.length ? 'pending' : 'approved',
        objectionUntil: facing.length
          ? new Date(context.now.getTime() + (dto.objectionDays ?? 7) * DAY_MS)
          : null,
      });
      await this.spaces.addFacing(tx, id, facing);
      if (facing.length > 0) this.events.publish(tx, new ConsentNoticeChanged(facing, id));
      return this.afterLayoutChange(tx, lane.associationId, laneId, id, seq, context);
    });
    return toSpaceView(change.space, readerOf(actor, lane.associationId), context);
  }

  async updateSpace(actor: Actor, spaceId: string, dto: UpdateSpaceDto): Promise<SpaceView> {
    const space = await this.occupancy.readable(actor, spaceId);
    assertCouncil(actor, space.associationId);
    const lane = await this.associations.readableLane(actor, space.laneId);
    if (dto.householdId)
      await this.assertHouseholdsOf(actor, space.associationId, [dto.householdId]);
    const context = await this.map.context(space.associationId);
    const availability = dto.availability ?? space.availability;
    const change = await this.transactions.run(async (tx) => {
      const seq = await this.spaces.nextSeq(tx, space.laneId);
      const at = { x: dto.x ?? space.x, y: dto.y ?? space.y };
      await this.spaces.update(tx, space.id, {
        ...place(lane.geometry, at, dto.sizeClass ?? space.sizeClass),
        availability,
        closedReason: availability === 'open' ? null : (dto.closedReason ?? space.closedReason),
        householdId: dto.householdId === undefined ? space.householdId : dto.householdId,
      });
      return this.afterLayoutChange(tx, space.associationId, space.laneId, space.id, seq, context);
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  /** A no-parking window of the space, e.g. 07:00–09:00 for the refuse truck. */
  addRestriction(actor: Actor, spaceId: string, dto: CreateRestrictionDto): Promise<SpaceView> {
    return this.changeSpace(actor, spaceId, (tx, space) =>
      this.spaces.addRestriction(tx, space.id, {
        from: dto.from,
        to: dto.to,
        days: dto.days ?? null,
        reason: dto.reason,
      }),
    );
  }

  removeRestriction(actor: Actor, spaceId: string, restrictionId: string): Promise<SpaceView> {
    return this.changeSpace(actor, spaceId, async (tx, space) => {
      if (!(await this.spaces.removeRestriction(tx, space.id, restrictionId)))
        throw DomainError.notFound('restriction', restrictionId);
    });
  }

  /** Runs `write` on the space under the lane's lock, then checks and publishes the change. */
  private async changeSpace(
    actor: Actor,
    spaceId: string,
    write: (tx: Tx, space: SpaceRecord) => Promise<unknown>,
  ): Promise<SpaceView> {
    const space = await this.occupancy.readable(actor, spaceId);
    assertCouncil(actor, space.associationId);
    const context = await this.map.context(space.associationId);
    const change = await this.transactions.run(async (tx) => {
      const seq = await this.spaces.nextSeq(tx, space.laneId);
      await write(tx, space);
      return this.afterLayoutChange(tx, space.associationId, space.laneId, space.id, seq, context);
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  /** Checks the fire-lane clearance with the lane as the change leaves it, then publishes it. */
  private async afterLayoutChange(
    tx: Tx,
    associationId: string,
    laneId: string,
    spaceId: string,
    seq: number,
    context: MapContext,
  ) {
    const change = await this.map.changed(tx, { associationId, laneId, seq, spaceId, context });
    assertClearPassage(await this.segmentRows.forLane(laneId, tx), change.lane);
    return change;
  }

  /** Households named by the council must be of its own association (404 otherwise). */
  private async assertHouseholdsOf(actor: Actor, associationId: string, ids: readonly string[]) {
    for (const id of new Set(ids)) {
      const household = await this.households.readable(actor, id);
      if (household.associationId !== associationId) throw DomainError.notFound('household', id);
    }
  }
}

function assertCouncil(actor: Actor, associationId: string): void {
  if (!canChangeLayout(actor, associationId)) throw new DomainError('council.only');
}

function place(line: Point[], at: Point, sizeClass: SizeClass): SpacePlacement {
  const { chainage, offset } = projectOnLane(line, at);
  const { length } = SPACE_DIMENSIONS[sizeClass];
  const chainageFrom = Math.max(0, Math.round((chainage - length / 2) * 100) / 100);
  return {
    x: at.x,
    y: at.y,
    angle: projectAngle(line, chainage),
    chainageFrom,
    chainageTo: chainageFrom + length,
    side: offset >= 0 ? 1 : -1,
    sizeClass,
  };
}

function projectAngle(line: Point[], chainage: number): number {
  let start = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (chainage <= start + length || i === line.length - 1)
      return Math.round((Math.atan2(b.y - a.y, b.x - a.x) * 18000) / Math.PI) / 100;
    start += length;
  }
  return 0;
}

function assertClearPassage(
  segments: readonly LaneSegmentRule[],
  spaces: readonly SpaceRecord[],
): void {
  const painted = spaces
    .filter((s) => s.consent !== 'rejected')
    .map((s) => ({
      code: s.code,
      chainageFrom: s.chainageFrom,
      chainageTo: s.chainageTo,
      side: s.side,
      depth: SPACE_DIMENSIONS[s.sizeClass].depth,
    }));
  const shortfall = clearPassageShortfall(segments, painted);
  if (shortfall) {
    const { segment, leftM, spaces: codes } = shortfall;
    throw new DomainError(
      'space.clear_passage',
      {
        fromM: segment.fromM,
        toM: segment.toM,
        leftM,
        neededM: segment.clearPassageM,
        spaces: codes.join(', '),
      },
      { segment, leftM, spaces: codes },
    );
  }
}
