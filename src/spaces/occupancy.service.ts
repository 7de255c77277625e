import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation, isWardenOf } from '../auth/policy';
import { formatPlate, parsePlate } from '../shared/plate';
import { HouseholdsService } from '../associations/households.service';
import { VehiclesService } from '../associations/vehicles.service';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { assertVehicleQuota } from '../conventions/vehicles-per-household';
import type { MonthsPass } from '../database/monthly-partitions';
import { Transactions, type Tx } from '../database/transactions';
import { RostersService } from '../rosters/rosters.service';
import type { CheckInDto, CheckInView } from './dto/occupancy.dto';
import type { SpaceView } from './dto/space.view';
import { LaneMapService } from './lane-map.service';
import { conflictOf, OccupancyRepository } from './occupancy.repository';
import { SessionPartitionRepository } from './session-partitions.repository';
import type { SpaceRecord } from './space-record';
import { restrictionsAhead } from './restrictions-ahead';
import { isLive, type MapContext, noParkingAt } from './space-state';
import { SpaceRepository } from './space.repository';
import { readerOf, toSpaceView } from './space-views';
import { canRecordAnyCar, isOwnCar, mayRecordOwnCar } from './spaces.policy';

/** 停车登记: a warden (or a resident at the QR sticker) checks a car in to a space and out again. */
@Injectable()
export class OccupancyService {
  constructor(
    private readonly transactions: Transactions,
    private readonly spaces: SpaceRepository,
    private readonly sessions: OccupancyRepository,
    private readonly map: LaneMapService,
    private readonly vehicles: VehiclesService,
    private readonly rosters: RostersService,
    private readonly households: HouseholdsService,
    private readonly rules: ConventionRulesService,
    private readonly partitions: SessionPartitionRepository,
  ) {}

  /**
   * For the retention job: drops the months of sessions that started before `keepAfter` (past
   * every association's period; what outlives them moves out first) and makes the months from
   * `now`'s to `ahead` months later.
   */
  async maintainPartitions(tx: Tx, now: Date, keepAfter: Date, ahead: number): Promise<MonthsPass> {
    const dropped = await this.partitions.dropEndedBefore(tx, keepAfter);
    return { ...dropped, created: await this.partitions.makeAhead(tx, now, ahead) };
  }

  /** For the retention job: the association's ended sessions past its period, in batches. */
  pruneEndedBefore(tx: Tx, associationId: string, before: Date, limit: number): Promise<number> {
    return this.sessions.pruneEndedBefore(tx, associationId, before, limit);
  }

  async checkIn(actor: Actor, spaceId: string, dto: CheckInDto): Promise<CheckInView> {
    const space = await this.readable(actor, spaceId);
    const parsed = parsePlate(dto.plate);
    if (!parsed.ok) throw new DomainError('check_in.plate_invalid', { plate: dto.plate });
    const vehicle = await this.vehicles.findByPlate(space.associationId, parsed.plate);
    const staff = canRecordAnyCar(actor, space.associationId);
    if (!staff) {
      if (!mayRecordOwnCar(actor, space.associationId))
        throw new DomainError('check_in.not_allowed');
      if (dto.sticker !== space.stickerToken) throw new DomainError('check_in.sticker_required');
      if (!vehicle || !isOwnCar(actor, vehicle.householdId))
        throw new DomainError('check_in.own_car_only');
    }
    const context = await this.map.context(space.associationId);
    const recorderOnDuty = isWardenOf(actor, space.associationId)
      ? await this.rosters.isOnDuty(actor.memberId, context.now)
      : null;
    // A resident checking in their own car: article 3 (vehiclesPerHousehold) counts the
    // household's cars already parked. Wardens record what they find, so they are not refused.
    const quota =
      !staff && vehicle ? await this.rules.rulesInForce(space.associationId, context.now) : null;
    const change = await this.transactions
      .run(async (tx) => {
        if (quota && vehicle) {
          await this.households.lockForCars(vehicle.householdId, tx);
          const others = await this.sessions.countOtherCarsParked(
            tx,
            vehicle.householdId,
            parsed.plate,
          );
          assertVehicleQuota(quota, others, 'check_in.vehicles_per_household');
        }
        const seq = await this.spaces.nextSeq(tx, space.laneId);
        assertParkable(
          (await this.spaces.find(spaceId, tx))!,
          vehicle?.householdId ?? null,
          context,
        );
        await this.sessions.start(tx, {
          associationId: space.associationId,
          laneId: space.laneId,
          spaceId: space.id,
          vehicleId: vehicle?.id ?? null,
          householdId: vehicle?.householdId ?? null,
          plate: parsed.plate,
          source: staff ? 'warden' : 'sticker',
          startedAt: context.now,
          checkedInBy: actor.memberId,
          recorderOnDuty,
        });
        return this.map.changed(tx, {
          associationId: space.associationId,
          laneId: space.laneId,
          seq,
          spaceId: space.id,
          context,
          households: [vehicle?.householdId ?? null],
        });
      })
      .catch((error: unknown) => this.explainConflict(error, space, parsed.plate));
    return {
      ...toSpaceView(change.space, readerOf(actor, space.associationId), context),
      // Warn before a restriction: the car must be gone before the window starts.
      warnings: restrictionsAhead(change.space, context.conventionWindows, context.now),
    };
  }

  async checkOut(actor: Actor, spaceId: string): Promise<SpaceView> {
    const space = await this.readable(actor, spaceId);
    const staff = canRecordAnyCar(actor, space.associationId);
    if (!staff && !mayRecordOwnCar(actor, space.associationId))
      throw new DomainError('check_out.not_allowed');
    const context = await this.map.context(space.associationId);
    const change = await this.transactions.run(async (tx) => {
      const seq = await this.spaces.nextSeq(tx, space.laneId);
      const occupant = (await this.spaces.find(spaceId, tx))!.occupant;
      if (!occupant) throw new DomainError('space.already_free', { code: space.code });
      if (!staff && !isOwnCar(actor, occupant.householdId))
        throw new DomainError('check_out.own_car_only');
      await this.sessions.end(tx, occupant.sessionId, context.now, actor.memberId);
      return this.map.changed(tx, {
        associationId: space.associationId,
        laneId: space.laneId,
        seq,
        spaceId: space.id,
        context,
        households: [occupant.householdId],
      });
    });
    return toSpaceView(change.space, readerOf(actor, space.associationId), context);
  }

  /** A space the actor may read, else 404 (other associations' ids are never confirmed). */
  async readable(actor: Actor, spaceId: string): Promise<SpaceRecord> {
    const space = await this.spaces.find(spaceId);
    if (!space || !canReadAssociation(actor, space.associationId) || space.consent === 'rejected')
      throw DomainError.notFound('space', spaceId);
    return space;
  }

  /** The partial unique indexes decided the race; say which rule the car ran into. */
  private async explainConflict(error: unknown, space: SpaceRecord, plate: string): Promise<never> {
    const conflict = conflictOf(error);
    if (conflict === 'space') throw new DomainError('space.occupied', { code: space.code });
    if (conflict === 'plate') {
      const code = await this.sessions.spaceOfPlate(space.associationId, plate);
      // The other session ended between the refusal and this read: say it without a space.
      if (!code) throw new DomainError('occupancy.car_elsewhere');
      throw new DomainError('occupancy.car_parked_at', { plate: formatPlate(plate), code });
    }
    throw error;
  }
}

/** Whether a car may be parked here now; each refusal names the space and the rule. */
function assertParkable(space: SpaceRecord, householdId: string | null, context: MapContext): void {
  const code = space.code;
  if (!isLive(space, context.now)) throw new DomainError('space.awaiting_neighbours', { code });
  if (space.availability === 'closed')
    throw new DomainError('space.closed', { code, closedReason: space.closedReason });
  if (space.availability === 'reserved')
    throw new DomainError('space.reserved', { code, closedReason: space.closedReason });
  if (space.householdId !== null && space.householdId !== householdId)
    throw new DomainError('space.assigned', { code });
  const noParking = noParkingAt(space, context.conventionWindows, context.now);
  if (noParking?.source === 'convention' && noParking.window.article !== null) {
    const { from, to, article } = noParking.window;
    throw new DomainError('space.no_parking_hours', { code, from, to, article });
  }
  if (noParking) {
    const { from, to, reason } = noParking.window;
    throw new DomainError('space.restricted', { code, from, to, note: reason });
  }
}
