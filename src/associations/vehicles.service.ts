import { Injectable, Optional } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { isCouncilOf, isResident } from '../auth/policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { OutboxService } from '../common/outbox/outbox.service';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { Transactions, type Tx } from '../database/transactions';
import {
  canChangeVehicle,
  canReadVehicle,
  canRegisterVehicle,
  householdListScope,
  mayListHouseholds,
  VEHICLE_FIELDS,
} from './associations.policy';
import { VEHICLE_ARCHIVED, type VehicleArchived } from './archive.events';
import type { CreateVehicleDto, UpdateVehicleDto, VehicleQuery } from './dto/vehicle.dto';
import { HouseholdRepository } from './household.repository';
import { MemberRepository } from './member.repository';
import { normalisePlate, parsePlate, type PlateColor } from '../shared/plate';
import { ResidentVehicleGate } from './resident-vehicle-gate';
import { associationToRead } from './scope';
import { type Vehicle, VehicleRepository } from './vehicle.repository';
import { toVehicleView } from './views';
import type { VehicleResponse } from '../shared/api/associations';

@Injectable()
export class VehiclesService {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly households: HouseholdRepository,
    private readonly members: MemberRepository,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Optional() private readonly gate?: ResidentVehicleGate,
  ) {}

  async list(actor: Actor, query: VehicleQuery): Promise<Page<VehicleResponse>> {
    const associationId = associationToRead(actor, query.associationId);
    if (!mayListHouseholds(actor)) throw new DomainError('forbidden');
    const scope = householdListScope(actor);
    if (scope !== 'all' && query.householdId && query.householdId !== scope.householdId) {
      return pageOf([], 0, query);
    }
    const householdId = scope === 'all' ? query.householdId : scope.householdId;
    const { rows, total } = await this.vehicles.page(
      {
        associationId,
        ...(householdId !== undefined ? { householdId } : {}),
        plateContains: query.plate ? normalisePlate(query.plate) : undefined,
      },
      query.pageSize,
      skipOf(query),
    );
    return pageOf(
      rows.map((v) => toVehicleView(v, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<VehicleResponse> {
    return toVehicleView(await this.readable(actor, id), actor);
  }

  async create(actor: Actor, dto: CreateVehicleDto): Promise<VehicleResponse> {
    await this.assertResidentNeedNotWait(actor);
    return toVehicleView(await this.register(actor, dto), actor);
  }

  /**
   * Enters a vehicle in the register, in `outer` when given. For the vehicle-changes feature,
   * which applies a request the council approved (or one that need not wait) in its own
   * transaction; the approval rule is that feature's to check.
   */
  async register(actor: Actor, dto: CreateVehicleDto, outer?: Tx): Promise<Vehicle> {
    if (!canRegisterVehicle(actor)) throw new DomainError('forbidden');
    const { plate, color } = this.parse(dto.plate, dto.plateColor);
    return this.transactions.run(async (tx) => {
      const householdId = await this.householdForNewVehicle(tx, actor, dto.householdId);
      await this.assertOwnerInHousehold(tx, dto.ownerMemberId, householdId);
      await this.assertPlateFree(tx, actor.associationId, plate);
      return this.vehicles.insert(tx, {
        associationId: actor.associationId,
        householdId,
        ownerMemberId: dto.ownerMemberId ?? (isResident(actor) ? actor.memberId : null),
        plate,
        plateColor: color,
      });
    }, outer);
  }

  async update(actor: Actor, id: string, dto: UpdateVehicleDto): Promise<VehicleResponse> {
    const vehicle = await this.readable(actor, id);
    const fields = VEHICLE_FIELDS.filter((field) => dto[field] !== undefined);
    if (!canChangeVehicle(actor, vehicle, fields)) throw new DomainError('forbidden');
    if (dto.plate !== undefined || dto.plateColor !== undefined) {
      await this.assertResidentNeedNotWait(actor);
    }
    return toVehicleView(await this.change(actor, vehicle, dto), actor);
  }

  /** Changes a vehicle the actor may change, in `outer` when given (see `register`). */
  async change(
    actor: Actor,
    vehicle: Vehicle,
    dto: UpdateVehicleDto,
    outer?: Tx,
  ): Promise<Vehicle> {
    const fields = VEHICLE_FIELDS.filter((field) => dto[field] !== undefined);
    if (!canChangeVehicle(actor, vehicle, fields)) throw new DomainError('forbidden');
    return this.transactions.run(async (tx) => {
      let { plate, plateColor } = vehicle;
      if (dto.plate !== undefined || dto.plateColor !== undefined) {
        const parsed = this.parse(dto.plate ?? vehicle.plate, dto.plateColor);
        if (parsed.plate !== vehicle.plate) {
          await this.assertPlateFree(tx, vehicle.associationId, parsed.plate);
        }
        plate = parsed.plate;
        plateColor = parsed.color;
      }
      if (dto.ownerMemberId !== undefined) {
        await this.assertOwnerInHousehold(tx, dto.ownerMemberId, vehicle.householdId);
      }
      return this.vehicles.update(tx, vehicle.id, {
        plate,
        plateColor,
        ownerMemberId: dto.ownerMemberId ?? vehicle.ownerMemberId,
      });
    }, outer);
  }

  /** Archives, never deletes: the vehicle's permits, scans and sessions stay in the ledgers. */
  async remove(actor: Actor, id: string): Promise<void> {
    const vehicle = await this.readable(actor, id);
    if (!canChangeVehicle(actor, vehicle)) throw new DomainError('forbidden');
    const at = this.clock.now();
    await this.transactions.run(async (tx) => {
      await this.vehicles.archive(tx, vehicle.id, at);
      const message: VehicleArchived = {
        vehicleId: vehicle.id,
        associationId: vehicle.associationId,
        at: at.toISOString(),
      };
      await this.outbox.enqueue(tx, VEHICLE_ARCHIVED, message);
    });
  }

  /** For other features: a vehicle by id that the actor may read, else 404. */
  async readable(actor: Actor, id: string, tx?: Tx): Promise<Vehicle> {
    const vehicle = await this.vehicles.byId(id, tx);
    if (!vehicle || !canReadVehicle(actor, vehicle)) throw DomainError.notFound('vehicle', id);
    return vehicle;
  }

  /** For trusted callers that check the association themselves (e.g. another feature's service). */
  findById(id: string, tx?: Tx): Promise<Vehicle | null> {
    return this.vehicles.byId(id, tx);
  }

  /** A vehicle by plate as typed (normalised here), in one association; null when unregistered. */
  findByPlate(associationId: string, plate: string, tx?: Tx): Promise<Vehicle | null> {
    return this.vehicles.byPlate(associationId, normalisePlate(plate), tx);
  }

  /** Same as findByPlate: the name other features look for. */
  vehicleOfPlate(associationId: string, plate: string, tx?: Tx): Promise<Vehicle | null> {
    return this.findByPlate(associationId, plate, tx);
  }

  /** For other features (how many cars may a household book for): its vehicle count. */
  countOfHousehold(householdId: string, tx?: Tx): Promise<number> {
    return this.vehicles.countOfHousehold(householdId, tx);
  }

  /** A resident's plate goes through the council when the convention says so (see the gate). */
  private async assertResidentNeedNotWait(actor: Actor): Promise<void> {
    if (!isResident(actor) || !this.gate) return;
    const { wait, article } = await this.gate.residentChangesWait(actor.associationId);
    if (wait) throw new DomainError('vehicle_change.needs_approval', { article });
  }

  private async householdForNewVehicle(tx: Tx, actor: Actor, requested?: string) {
    if (isResident(actor)) {
      if (!actor.householdId) throw new DomainError('vehicle.no_household');
      if (requested && requested !== actor.householdId) {
        throw DomainError.notFound('household', requested);
      }
      return actor.householdId;
    }
    if (!isCouncilOf(actor, actor.associationId)) throw new DomainError('forbidden');
    if (!requested) throw new DomainError('vehicle.household_required');
    const household = await this.households.byId(requested, tx);
    if (household?.associationId !== actor.associationId) {
      throw DomainError.notFound('household', requested);
    }
    return household.id;
  }

  private async assertOwnerInHousehold(
    tx: Tx,
    ownerMemberId: string | undefined,
    household: string,
  ) {
    if (ownerMemberId && !(await this.members.inHousehold(ownerMemberId, household, tx))) {
      throw new DomainError('vehicle.owner_not_in_household');
    }
  }

  private parse(input: string, color?: PlateColor): { plate: string; color: PlateColor } {
    const result = parsePlate(input, color);
    if (!result.ok) throw new DomainError(result.reason, {}, { field: 'plate' });
    return { plate: result.plate, color: result.color };
  }

  private async assertPlateFree(tx: Tx, associationId: string, plate: string): Promise<void> {
    if (await this.vehicles.byPlate(associationId, plate, tx)) {
      throw new DomainError('vehicle.plate_taken');
    }
  }
}
