import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { Transactions, type Tx } from '../database/transactions';
import {
  canManageAssociation,
  canReadHousehold,
  householdListScope,
  mayListHouseholds,
} from './associations.policy';
import {
  HOUSEHOLD_ARCHIVED,
  type HouseholdArchived,
  VEHICLE_ARCHIVED,
  type VehicleArchived,
} from './archive.events';
import type { CreateHouseholdDto, HouseholdQuery, UpdateHouseholdDto } from './dto/household.dto';
import { type Household, HouseholdRepository } from './household.repository';
import { LaneRepository } from './lane.repository';
import { MemberRepository } from './member.repository';
import { associationToRead } from './scope';
import { VehicleRepository } from './vehicle.repository';
import { toMemberView, toVehicleView } from './views';
import type { HouseholdDetail, HouseholdResponse } from '../shared/api/associations';

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly members: MemberRepository,
    private readonly vehicles: VehicleRepository,
    private readonly lanes: LaneRepository,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: HouseholdQuery): Promise<Page<HouseholdResponse>> {
    const associationId = associationToRead(actor, query.associationId);
    if (!mayListHouseholds(actor)) throw new DomainError('forbidden');
    const scope = householdListScope(actor);
    const { rows, total } = await this.households.page(
      {
        associationId,
        search: query.search,
        ...(scope === 'all' ? {} : { id: scope.householdId }),
      },
      query.pageSize,
      skipOf(query),
    );
    const counts = await this.households.countsFor(rows.map((h) => h.id));
    return pageOf(
      rows.map((h) => ({
        ...toHouseholdView(h),
        ...(counts.get(h.id) ?? { memberCount: 0, vehicleCount: 0 }),
      })),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<HouseholdDetail> {
    const household = await this.readable(actor, id);
    const [members, vehicles] = await Promise.all([
      this.members.ofHousehold(id),
      this.vehicles.ofHousehold(id),
    ]);
    return {
      ...toHouseholdView(household),
      memberCount: members.length,
      vehicleCount: vehicles.length,
      members: members.map((m) => toMemberView(m, actor)),
      vehicles: vehicles.map((v) => toVehicleView(v, actor)),
    };
  }

  async create(actor: Actor, dto: CreateHouseholdDto): Promise<HouseholdDetail> {
    if (!canManageAssociation(actor, actor.associationId)) throw new DomainError('council.only');
    const saved = await this.transactions.run(async (tx) => {
      await this.assertAddressFree(tx, actor.associationId, dto.address);
      if (dto.laneId) await this.assertLaneOf(actor.associationId, dto.laneId, tx);
      return this.households.insert(tx, actor.associationId, dto.address, dto.laneId);
    });
    return {
      ...toHouseholdView(saved),
      memberCount: 0,
      vehicleCount: 0,
      members: [],
      vehicles: [],
    };
  }

  async update(actor: Actor, id: string, dto: UpdateHouseholdDto): Promise<HouseholdDetail> {
    const household = await this.readable(actor, id);
    if (!canManageAssociation(actor, household.associationId)) {
      throw new DomainError('council.only');
    }
    await this.transactions.run(async (tx) => {
      if (dto.address !== household.address) {
        await this.assertAddressFree(tx, household.associationId, dto.address);
      }
      if (dto.laneId) await this.assertLaneOf(household.associationId, dto.laneId, tx);
      await this.households.update(tx, id, { address: dto.address, laneId: dto.laneId });
    });
    return this.get(actor, id);
  }

  /** A lane of another association is not found, as any of its rows would not be. */
  private async assertLaneOf(associationId: string, laneId: string, tx: Tx): Promise<void> {
    const lane = await this.lanes.byId(laneId, tx);
    if (!lane || lane.associationId !== associationId) throw DomainError.notFound('lane', laneId);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const household = await this.readable(actor, id);
    if (!canManageAssociation(actor, household.associationId)) {
      throw new DomainError('council.only');
    }
    await this.transactions.run((tx) => this.archive(tx, household));
  }

  /**
   * Archives, never deletes: the household's and its vehicles' permits, bookings and violations
   * stay in the ledgers. Its members stay members without a household, as deleting it did.
   */
  private async archive(tx: Tx, household: Household): Promise<void> {
    const at = this.clock.now();
    const { associationId } = household;
    await this.households.archive(tx, household.id, at);
    await this.members.leaveHousehold(tx, household.id);
    for (const vehicleId of await this.vehicles.archiveOfHousehold(tx, household.id, at)) {
      const message: VehicleArchived = { vehicleId, associationId, at: at.toISOString() };
      await this.outbox.enqueue(tx, VEHICLE_ARCHIVED, message);
    }
    const message: HouseholdArchived = {
      householdId: household.id,
      associationId,
      at: at.toISOString(),
    };
    await this.outbox.enqueue(tx, HOUSEHOLD_ARCHIVED, message);
  }

  /** For other features: the household if the actor may read it, else 404. */
  async readable(actor: Actor, id: string, tx?: Tx): Promise<Household> {
    const household = await this.households.byId(id, tx);
    if (!household || !canReadHousehold(actor, household)) {
      throw DomainError.notFound('household', id);
    }
    return household;
  }

  /**
   * For other features, inside their transaction: decisions that count a household's cars
   * against the convention's vehiclesPerHousehold happen one at a time, so two phones applying
   * for the household's second car at once cannot both see room for it.
   */
  lockForCars(id: string, tx: Tx): Promise<void> {
    return this.households.lockForCars(id, tx);
  }

  /** For other features: is `id` a household of the association? */
  async isOf(associationId: string, id: string, tx?: Tx): Promise<boolean> {
    return (await this.households.byId(id, tx))?.associationId === associationId;
  }

  /** For other features: how many of `ids` (distinct) are households of the association. */
  countOf(associationId: string, ids: string[], tx?: Tx): Promise<number> {
    return this.households.countOf(associationId, [...new Set(ids)], tx);
  }

  /** Addresses by household id, for other features' ledgers. */
  addressesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    return this.households.addressesOf([...new Set(ids)], tx);
  }

  /** For other features (ballots by household): how many households the association has. */
  countIn(associationId: string, tx?: Tx): Promise<number> {
    return this.households.countInAssociation(associationId, tx);
  }

  private async assertAddressFree(tx: Tx, associationId: string, address: string) {
    if (await this.households.byAddress(associationId, address, tx)) {
      throw new DomainError('household.address_taken');
    }
  }
}

function toHouseholdView(h: Household): Omit<HouseholdResponse, 'memberCount' | 'vehicleCount'> {
  return { id: h.id, associationId: h.associationId, address: h.address, laneId: h.laneId };
}
