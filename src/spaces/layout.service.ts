import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { assertCouncilOf } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import { clearPassageShortfall, type LaneSegmentRule } from './clear-passage';
import type {
  CreateRestrictionDto,
  CreateSpaceDto,
  LaneSegmentDto,
  UpdateSpaceDto,
} from './dto/layout.dto';
import type { SpaceView } from './dto/space.view';
import { type Point, projectOnLane, SPACE_DIMENSIONS, type SizeClass } from './lane-geometry';
import { LaneMapService } from './lane-map.service';
import { OccupancyService } from './occupancy.service';
import { loadLaneSpaces, type SpaceRecord } from './space-record';
import { readerOf, toSpaceView } from './space-views';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The council paints, moves and closes spaces. Every change of a lane's layout runs under the
 * lane's row lock (LaneMapService.nextSeq), so the clear-passage check sees every other change.
 */
@Injectable()
export class LayoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly associations: AssociationsService,
    private readonly map: LaneMapService,
    private readonly occupancy: OccupancyService,
  ) {}

  async segments(actor: Actor, laneId: string): Promise<LaneSegmentRule[]> {
    await this.associations.readableLane(actor, laneId);
    return loadSegments(this.dataSource.manager, laneId);
  }

  async replaceSegments(
    actor: Actor,
    laneId: string,
    segments: LaneSegmentDto[],
  ): Promise<LaneSegmentRule[]> {
    const lane = await this.associations.readableLane(actor, laneId);
    assertCouncilOf(actor, lane.associationId);
    for (const s of segments) {
      if (s.toM <= s.fromM)
        throw DomainError.invalid('路段终点须大于起点 / toM must be greater than fromM');
      if (s.clearPassageM > s.widthM)
        throw DomainError.invalid('净宽不能大于路宽 / clearPassageM cannot exceed widthM');
    }
    await this.dataSource
      .transaction(async (em) => {
        await LaneMapService.nextSeq(em, laneId);
        await em.query(`DELETE FROM lane_segment WHERE lane_id = $1`, [laneId]);
        for (const s of segments) {
          await em.query(
            `INSERT INTO lane_segment (lane_id, from_m, to_m, width_m, clear_passage_m) VALUES ($1, $2, $3, $4, $5)`,
            [laneId, s.fromM, s.toM, s.widthM, s.clearPassageM],
          );
        }
        assertClearPassage(segments, await loadLaneSpaces(em, laneId));
      })
      .catch(explainLayoutConflict);
    return this.segments(actor, laneId);
  }

  async createSpace(actor: Actor, laneId: string, dto: CreateSpaceDto): Promise<SpaceView> {
    const lane = await this.associations.readableLane(actor, laneId);
    assertCouncilOf(actor, lane.associationId);
    const context = await this.map.context(lane.associationId);
    const placed = place(lane.geometry, dto, dto.sizeClass ?? 'standard');
    const facing = dto.facingHouseholdIds ?? [];
    const change = await this.dataSource
      .transaction(async (em) => {
        const seq = await LaneMapService.nextSeq(em, laneId);
        const known: { id: string }[] = await em.query(
          `SELECT id FROM household WHERE association_id = $1 AND id = ANY($2::uuid[])`,
          [lane.associationId, [...facing, ...(dto.householdId ? [dto.householdId] : [])]],
        );
        if (
          known.length !== new Set([...facing, ...(dto.householdId ? [dto.householdId] : [])]).size
        )
          throw DomainError.notFound('household');
        // With nobody to consult the space is live at once; otherwise after the objection window.
        const rows: { id: string }[] = await em.query(
          `INSERT INTO space (association_id, lane_id, code, x, y, angle, chainage_from, chainage_to, side,
                              size_class, household_id, consent, objection_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            lane.associationId,
            laneId,
            dto.code,
            dto.x,
            dto.y,
            placed.angle,
            placed.chainageFrom,
            placed.chainageTo,
            placed.side,
            dto.sizeClass ?? 'standard',
            dto.householdId ?? null,
            facing.length ? 'pending' : 'approved',
            facing.length
              ? new Date(context.now.getTime() + (dto.objectionDays ?? 7) * DAY_MS)
              : null,
          ],
        );
        const id = rows[0]!.id;
        for (const householdId of facing) {
          await em.query(
            `INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)`,
            [id, householdId],
          );
        }
        return this.afterLayoutChange(em, laneId, id, seq);
      })
      .catch(explainLayoutConflict);
    await this.map.publish({
      associationId: lane.associationId,
      laneId,
      households: [],
      context,
      ...change,
    });
    return toSpaceView(change.space, readerOf(actor, lane.associationId), context);
  }

  async updateSpace(actor: Actor, spaceId: string, dto: UpdateSpaceDto): Promise<SpaceView> {
    const space = await this.occupancy.readable(actor, spaceId);
    assertCouncilOf(actor, space.associationId);
    const lane = await this.associations.readableLane(actor, space.laneId);
    const context = await this.map.context(space.associationId);
    const change = await this.dataSource
      .transaction(async (em) => {
        const seq = await LaneMapService.nextSeq(em, space.laneId);
        const sizeClass = dto.sizeClass ?? space.sizeClass;
        const placed = place(
          lane.geometry,
          { x: dto.x ?? space.x, y: dto.y ?? space.y },
          sizeClass,
        );
        if (dto.householdId) {
          const found: unknown[] = await em.query(
            `SELECT 1 FROM household WHERE id = $1 AND association_id = $2`,
            [dto.householdId, space.associationId],
          );
          if (found.length === 0) throw DomainError.notFound('household', dto.householdId);
        }
        const availability = dto.availability ?? space.availability;
        await em.query(
          `UPDATE space SET x = $2, y = $3, angle = $4, chainage_from = $5, chainage_to = $6, side = $7,
                  size_class = $8, availability = $9, closed_reason = $10, household_id = $11
            WHERE id = $1`,
          [
            space.id,
            dto.x ?? space.x,
            dto.y ?? space.y,
            placed.angle,
            placed.chainageFrom,
            placed.chainageTo,
            placed.side,
            sizeClass,
            availability,
            availability === 'open' ? null : (dto.closedReason ?? space.closedReason),
            dto.householdId === undefined ? space.householdId : dto.householdId,
          ],
        );
        return this.afterLayoutChange(em, space.laneId, space.id, seq);
      })
      .catch(explainLayoutConflict);
    await this.map.publish({
      associationId: space.associationId,
      laneId: space.laneId,
      households: [],
      context,
      ...change,
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  async addRestriction(
    actor: Actor,
    spaceId: string,
    dto: CreateRestrictionDto,
  ): Promise<SpaceView> {
    return this.restrictionChange(actor, spaceId, (em, space) =>
      em.query(
        `INSERT INTO space_restriction (space_id, from_time, to_time, days, reason) VALUES ($1, $2, $3, $4, $5)`,
        [space.id, dto.from, dto.to, dto.days?.length ? dto.days : null, dto.reason],
      ),
    );
  }

  async removeRestriction(
    actor: Actor,
    spaceId: string,
    restrictionId: string,
  ): Promise<SpaceView> {
    return this.restrictionChange(actor, spaceId, async (em, space) => {
      const [, deleted]: [unknown, number] = await em.query(
        `DELETE FROM space_restriction WHERE id = $1 AND space_id = $2`,
        [restrictionId, space.id],
      );
      if (deleted === 0) throw DomainError.notFound('restriction', restrictionId);
    });
  }

  private async restrictionChange(
    actor: Actor,
    spaceId: string,
    write: (em: EntityManager, space: SpaceRecord) => Promise<unknown>,
  ): Promise<SpaceView> {
    const space = await this.occupancy.readable(actor, spaceId);
    assertCouncilOf(actor, space.associationId);
    const context = await this.map.context(space.associationId);
    const change = await this.dataSource.transaction(async (em) => {
      const seq = await LaneMapService.nextSeq(em, space.laneId);
      await write(em, space);
      return this.afterLayoutChange(em, space.laneId, space.id, seq);
    });
    await this.map.publish({
      associationId: space.associationId,
      laneId: space.laneId,
      households: [],
      context,
      ...change,
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  /** Re-reads the lane inside the transaction and checks the fire-lane clearance. */
  private async afterLayoutChange(em: EntityManager, laneId: string, spaceId: string, seq: number) {
    const spaces = await loadLaneSpaces(em, laneId);
    assertClearPassage(await loadSegments(em, laneId), spaces);
    return { seq, spaces, space: spaces.find((s) => s.id === spaceId)! };
  }
}

function place(line: Point[], at: Point, sizeClass: SizeClass) {
  const { chainage, offset } = projectOnLane(line, at);
  const { length } = SPACE_DIMENSIONS[sizeClass];
  const chainageFrom = Math.max(0, Math.round((chainage - length / 2) * 100) / 100);
  const segmentAngle = projectAngle(line, chainage);
  return {
    chainageFrom,
    chainageTo: chainageFrom + length,
    side: offset >= 0 ? 1 : -1,
    angle: segmentAngle,
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

async function loadSegments(em: EntityManager, laneId: string): Promise<LaneSegmentRule[]> {
  const rows: { from_m: string; to_m: string; width_m: string; clear_passage_m: string }[] =
    await em.query(
      `SELECT from_m, to_m, width_m, clear_passage_m FROM lane_segment WHERE lane_id = $1 ORDER BY from_m`,
      [laneId],
    );
  return rows.map((r) => ({
    fromM: Number(r.from_m),
    toM: Number(r.to_m),
    widthM: Number(r.width_m),
    clearPassageM: Number(r.clear_passage_m),
  }));
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
    const { segment, leftM } = shortfall;
    throw DomainError.conflict(
      `消防通道不足 / the lane between ${segment.fromM} m and ${segment.toM} m would keep only ${leftM} m clear for fire engines and ambulances (needs ${segment.clearPassageM} m) at ${shortfall.spaces.join(', ')}`,
      { segment, leftM, spaces: shortfall.spaces },
    );
  }
}

function explainLayoutConflict(error: unknown): never {
  const constraint =
    error instanceof QueryFailedError
      ? (error.driverError as { constraint?: string }).constraint
      : undefined;
  if (constraint === 'space_no_overlap')
    throw DomainError.conflict(
      '与已画车位重叠 / the space would overlap a painted space on the same side',
      { constraint },
    );
  if (constraint === 'space_code_key')
    throw DomainError.conflict(
      '车位编号已存在 / a space with this code already exists in the lane',
      { constraint },
    );
  if (constraint === 'lane_segment_no_overlap')
    throw DomainError.conflict('路段重叠 / lane segments overlap', { constraint });
  throw error;
}
