import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { CreateVehicleDto, UpdateVehicleDto, VehicleQuery } from './dto/vehicle.dto';
import type { VehicleView } from './dto/vehicle.view';
import { Household } from './household.entity';
import { Member } from './member.entity';
import { normalisePlate, parsePlate, type PlateColor } from './plate';
import { associationToRead } from './scope';
import { Vehicle } from './vehicle.entity';
import { toVehicleView } from './views';

@Injectable()
export class VehiclesService {
  constructor(
    @InjectRepository(Vehicle) private readonly vehicles: Repository<Vehicle>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
  ) {}

  async list(actor: Actor, query: VehicleQuery): Promise<Page<VehicleView>> {
    const associationId = associationToRead(actor, query.associationId);
    if (actor.role === 'unit') throw DomainError.forbidden();
    const qb = this.vehicles
      .createQueryBuilder('v')
      .where('v.associationId = :associationId', { associationId });
    if (actor.role === 'resident') qb.andWhere('v.householdId = :own', { own: actor.householdId });
    if (query.householdId) qb.andWhere('v.householdId = :hh', { hh: query.householdId });
    if (query.plate)
      qb.andWhere('v.plate LIKE :plate', { plate: `%${normalisePlate(query.plate)}%` });
    const [rows, total] = await qb
      .orderBy('v.plate', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((v) => toVehicleView(v, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<VehicleView> {
    return toVehicleView(await this.readable(actor, id), actor);
  }

  async create(actor: Actor, dto: CreateVehicleDto): Promise<VehicleView> {
    const householdId = await this.householdForNewVehicle(actor, dto.householdId);
    const { plate, color } = this.parse(dto.plate, dto.plateColor);
    await this.assertOwnerInHousehold(dto.ownerMemberId, householdId);
    await this.assertPlateFree(actor.associationId, plate);
    const vehicle = this.vehicles.create({
      associationId: actor.associationId,
      householdId,
      ownerMemberId: dto.ownerMemberId ?? (actor.role === 'resident' ? actor.memberId : null),
      plate,
      plateColor: color,
    });
    return toVehicleView(await this.vehicles.save(vehicle), actor);
  }

  async update(actor: Actor, id: string, dto: UpdateVehicleDto): Promise<VehicleView> {
    const vehicle = await this.writable(actor, id);
    if (dto.plate !== undefined || dto.plateColor !== undefined) {
      const { plate, color } = this.parse(dto.plate ?? vehicle.plate, dto.plateColor);
      if (plate !== vehicle.plate) await this.assertPlateFree(vehicle.associationId, plate);
      vehicle.plate = plate;
      vehicle.plateColor = color;
    }
    if (dto.ownerMemberId !== undefined) {
      await this.assertOwnerInHousehold(dto.ownerMemberId, vehicle.householdId);
      vehicle.ownerMemberId = dto.ownerMemberId;
    }
    return toVehicleView(await this.vehicles.save(vehicle), actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const vehicle = await this.writable(actor, id);
    await this.vehicles.delete({ id: vehicle.id });
  }

  /** For other features: a vehicle by id that the actor may read, else 404. */
  async readable(actor: Actor, id: string): Promise<Vehicle> {
    const vehicle = await this.vehicles.findOneBy({ id });
    const visible =
      vehicle &&
      canReadAssociation(actor, vehicle.associationId) &&
      actor.role !== 'unit' &&
      (actor.role !== 'resident' || vehicle.householdId === actor.householdId);
    if (!visible) throw DomainError.notFound('vehicle', id);
    return vehicle;
  }

  /** For trusted callers that check the association themselves (e.g. another feature's service). */
  findById(id: string): Promise<Vehicle | null> {
    return this.vehicles.findOneBy({ id });
  }

  findByPlate(associationId: string, plate: string): Promise<Vehicle | null> {
    return this.vehicles.findOneBy({ associationId, plate: normalisePlate(plate) });
  }

  private async writable(actor: Actor, id: string): Promise<Vehicle> {
    const vehicle = await this.readable(actor, id);
    const council = actor.role === 'admin' && actor.associationId === vehicle.associationId;
    const own = actor.role === 'resident' && vehicle.householdId === actor.householdId;
    if (!council && !own) throw DomainError.forbidden();
    return vehicle;
  }

  private async householdForNewVehicle(actor: Actor, requested?: string): Promise<string> {
    if (actor.role === 'resident') {
      if (!actor.householdId)
        throw DomainError.forbidden('您尚未登记住户 / you are not registered to a household');
      if (requested && requested !== actor.householdId)
        throw DomainError.notFound('household', requested);
      return actor.householdId;
    }
    if (actor.role !== 'admin') throw DomainError.forbidden();
    if (!requested) throw DomainError.invalid('请指定住户 / householdId is required');
    const household = await this.households.findOneBy({
      id: requested,
      associationId: actor.associationId,
    });
    if (!household) throw DomainError.notFound('household', requested);
    return household.id;
  }

  private async assertOwnerInHousehold(ownerMemberId: string | undefined, householdId: string) {
    if (!ownerMemberId) return;
    if (!(await this.members.existsBy({ id: ownerMemberId, householdId }))) {
      throw DomainError.invalid('车主须为本户成员 / the owner must be a member of the household');
    }
  }

  private parse(input: string, color?: PlateColor): { plate: string; color: PlateColor } {
    const result = parsePlate(input, color);
    if (!result.ok) throw DomainError.invalid(result.reason, { field: 'plate' });
    return { plate: result.plate, color: result.color };
  }

  private async assertPlateFree(associationId: string, plate: string): Promise<void> {
    if (await this.vehicles.existsBy({ associationId, plate })) {
      throw DomainError.conflict(`车牌已登记 / plate ${plate} is already registered`);
    }
  }
}
