import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { formatPlate, parsePlate } from '../associations/plate';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RostersService } from '../rosters/rosters.service';
import type { CheckInDto } from './dto/occupancy.dto';
import type { SpaceView } from './dto/space.view';
import { LaneMapService } from './lane-map.service';
import { loadLaneSpaces, loadSpace, type SpaceRecord } from './space-record';
import { isLive, restrictionAt } from './space-state';
import { type MapContext, readerOf, toSpaceView } from './space-views';

/** 停车登记: a warden (or a resident at the QR sticker) checks a car in to a space and out again. */
@Injectable()
export class OccupancyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly map: LaneMapService,
    private readonly vehicles: VehiclesService,
    private readonly rosters: RostersService,
    private readonly clock: Clock,
  ) {}

  async checkIn(actor: Actor, spaceId: string, dto: CheckInDto): Promise<SpaceView> {
    const space = await this.readable(actor, spaceId);
    const parsed = parsePlate(dto.plate);
    if (!parsed.ok) throw DomainError.invalid(parsed.reason, { field: 'plate' });
    const vehicle = await this.vehicles.findByPlate(space.associationId, parsed.plate);
    const staff = isStaffOf(actor, space.associationId);
    if (!staff) {
      if (actor.role !== 'resident' || actor.associationId !== space.associationId)
        throw DomainError.forbidden(
          '仅红袖标或本会居民可登记停车 / only wardens and residents may check in',
        );
      if (dto.sticker !== space.stickerToken)
        throw DomainError.forbidden(
          '请扫描车位上的二维码 / scan the QR sticker at the space to check in yourself',
        );
      if (!vehicle || vehicle.householdId !== actor.householdId)
        throw DomainError.forbidden(
          '只能登记本户车辆 / you may check in only your household\u2019s registered car',
        );
    }
    const context = await this.map.context(space.associationId);
    const now = context.now;
    const recorderOnDuty =
      actor.role === 'warden' ? await this.rosters.isOnDuty(actor.memberId, now) : null;
    const change = await this.dataSource
      .transaction(async (em) => {
        const seq = await LaneMapService.nextSeq(em, space.laneId);
        const fresh = (await loadSpace(em, spaceId))!;
        assertParkable(fresh, vehicle?.householdId ?? null, context);
        await em.query(
          `INSERT INTO occupancy_session
             (association_id, lane_id, space_id, vehicle_id, plate, source, started_at, checked_in_by,
              recorder_on_duty)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            space.associationId,
            space.laneId,
            space.id,
            vehicle?.id ?? null,
            parsed.plate,
            staff ? 'warden' : 'sticker',
            now,
            actor.memberId,
            recorderOnDuty,
          ],
        );
        const spaces = await loadLaneSpaces(em, space.laneId);
        return { seq, spaces, space: spaces.find((s) => s.id === space.id)! };
      })
      .catch((error: unknown) => this.explainConflict(error, space, parsed.plate));
    await this.map.publish({
      associationId: space.associationId,
      laneId: space.laneId,
      households: [vehicle?.householdId ?? null],
      context,
      ...change,
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  async checkOut(actor: Actor, spaceId: string): Promise<SpaceView> {
    const space = await this.readable(actor, spaceId);
    const staff = isStaffOf(actor, space.associationId);
    if (!staff && actor.role !== 'resident') throw DomainError.forbidden();
    const context = await this.map.context(space.associationId);
    const change = await this.dataSource.transaction(async (em) => {
      const seq = await LaneMapService.nextSeq(em, space.laneId);
      const fresh = (await loadSpace(em, spaceId))!;
      const occupant = fresh.occupant;
      if (!occupant) throw DomainError.conflict(`车位已空 / space ${fresh.code} is already free`);
      if (!staff && (occupant.householdId === null || occupant.householdId !== actor.householdId))
        throw DomainError.forbidden(
          '只能为本户车辆离场登记 / you may check out only your household\u2019s car',
        );
      await em.query(
        `UPDATE occupancy_session SET ended_at = $2, checked_out_by = $3 WHERE id = $1`,
        [occupant.sessionId, context.now, actor.memberId],
      );
      const spaces = await loadLaneSpaces(em, space.laneId);
      return {
        seq,
        spaces,
        space: spaces.find((s) => s.id === space.id)!,
        household: occupant.householdId,
      };
    });
    await this.map.publish({
      associationId: space.associationId,
      laneId: space.laneId,
      seq: change.seq,
      spaces: change.spaces,
      space: change.space,
      households: [change.household],
      context,
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  /** A space the actor may read, else 404 (other associations' ids are never confirmed). */
  async readable(actor: Actor, spaceId: string): Promise<SpaceRecord> {
    const space = await loadSpace(this.dataSource.manager, spaceId);
    if (!space || !canReadAssociation(actor, space.associationId) || space.consent === 'rejected')
      throw DomainError.notFound('space', spaceId);
    return space;
  }

  /** The partial unique indexes decided the race; say which rule the car ran into. */
  private async explainConflict(error: unknown, space: SpaceRecord, plate: string): Promise<never> {
    const constraint =
      error instanceof QueryFailedError
        ? (error.driverError as { constraint?: string }).constraint
        : undefined;
    if (constraint === 'occupancy_session_open_space_key')
      throw DomainError.conflict(
        `车位已被占用 / space ${space.code} is occupied by another vehicle`,
        {
          constraint,
        },
      );
    if (constraint === 'occupancy_session_open_plate_key') {
      const rows: { code: string }[] = await this.dataSource.query(
        `SELECT s.code FROM occupancy_session o JOIN space s ON s.id = o.space_id
          WHERE o.association_id = $1 AND o.plate = $2 AND o.ended_at IS NULL`,
        [space.associationId, plate],
      );
      const where = rows[0]?.code ?? '?';
      throw DomainError.conflict(
        `该车已停在${where} / ${formatPlate(plate)} is already checked in at ${where}; check it out there first`,
        { constraint },
      );
    }
    throw error;
  }
}

function isStaffOf(actor: Actor, associationId: string): boolean {
  return (
    (actor.role === 'admin' || actor.role === 'warden') && actor.associationId === associationId
  );
}

function assertParkable(space: SpaceRecord, householdId: string | null, context: MapContext): void {
  if (!isLive(space, context.now))
    throw DomainError.conflict(
      `车位${space.code}正在征求邻里意见,尚未启用 / space ${space.code} is not in use until the neighbours' objection window closes`,
    );
  if (space.availability === 'closed')
    throw DomainError.conflict(
      `车位${space.code}已关闭 / space ${space.code} is closed${space.closedReason ? `: ${space.closedReason}` : ''}`,
    );
  if (space.availability === 'reserved')
    throw DomainError.conflict(`车位${space.code}已预留 / space ${space.code} is reserved`);
  if (space.householdId !== null && space.householdId !== householdId)
    throw DomainError.conflict(
      `车位${space.code}为固定车位 / space ${space.code} is assigned to another household`,
    );
  const restriction = restrictionAt(space, context.conventionWindows, context.now);
  if (restriction)
    throw DomainError.conflict(
      `车位${space.code}此时段禁停 / no parking at ${space.code} now: ${restriction}`,
    );
}
