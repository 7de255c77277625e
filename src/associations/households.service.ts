import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { CreateHouseholdDto, HouseholdQuery, UpdateHouseholdDto } from './dto/household.dto';
import type { HouseholdDetailView, HouseholdView } from './dto/household.view';
import { Household } from './household.entity';
import { Member } from './member.entity';
import { assertCouncilOf, associationToRead } from './scope';
import { Vehicle } from './vehicle.entity';
import { toMemberView, toVehicleView } from './views';

@Injectable()
export class HouseholdsService {
  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(Vehicle) private readonly vehicles: Repository<Vehicle>,
  ) {}

  async list(actor: Actor, query: HouseholdQuery): Promise<Page<HouseholdView>> {
    const associationId = associationToRead(actor, query.associationId);
    if (actor.role === 'unit') throw DomainError.forbidden();
    const qb = this.households
      .createQueryBuilder('h')
      .where('h.associationId = :associationId', { associationId });
    if (actor.role === 'resident') qb.andWhere('h.id = :own', { own: actor.householdId });
    if (query.search) qb.andWhere('h.address LIKE :like', { like: `%${query.search}%` });
    const [rows, total] = await qb
      .orderBy('h.address', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    const counts = await this.countsFor(rows.map((h) => h.id));
    return pageOf(
      rows.map((h) => ({
        ...toHouseholdView(h),
        ...(counts.get(h.id) ?? { memberCount: 0, vehicleCount: 0 }),
      })),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<HouseholdDetailView> {
    const household = await this.readable(actor, id);
    const [members, vehicles] = await Promise.all([
      this.members.find({ where: { householdId: id }, order: { createdAt: 'ASC' } }),
      this.vehicles.find({ where: { householdId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ...toHouseholdView(household),
      memberCount: members.length,
      vehicleCount: vehicles.length,
      members: members.map((m) => toMemberView(m, actor)),
      vehicles: vehicles.map((v) => toVehicleView(v, actor)),
    };
  }

  async create(actor: Actor, dto: CreateHouseholdDto): Promise<HouseholdDetailView> {
    assertCouncilOf(actor, actor.associationId);
    await this.assertAddressFree(actor.associationId, dto.address);
    const saved = await this.households.save(
      this.households.create({ associationId: actor.associationId, address: dto.address }),
    );
    return {
      ...toHouseholdView(saved),
      memberCount: 0,
      vehicleCount: 0,
      members: [],
      vehicles: [],
    };
  }

  async update(actor: Actor, id: string, dto: UpdateHouseholdDto): Promise<HouseholdDetailView> {
    const household = await this.readable(actor, id);
    assertCouncilOf(actor, household.associationId);
    if (dto.address !== household.address)
      await this.assertAddressFree(household.associationId, dto.address);
    household.address = dto.address;
    await this.households.save(household);
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const household = await this.readable(actor, id);
    assertCouncilOf(actor, household.associationId);
    await this.households.delete({ id: household.id });
  }

  /** For other features: the household if the actor may read it, else 404. */
  async readable(actor: Actor, id: string): Promise<Household> {
    const household = await this.households.findOneBy({ id });
    const visible =
      household &&
      canReadAssociation(actor, household.associationId) &&
      actor.role !== 'unit' &&
      (actor.role !== 'resident' || actor.householdId === household.id);
    if (!visible) throw DomainError.notFound('household', id);
    return household;
  }

  /** For the convention's household vote: every household of the association, car-free too. */
  countOf(associationId: string, tx?: Tx): Promise<number> {
    return (tx?.getRepository(Household) ?? this.households).countBy({ associationId });
  }

  /** Addresses by household id, for other features' ledgers. */
  async addressesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.households.findBy({ id: In(unique) }) : [];
    return new Map(rows.map((h) => [h.id, h.address]));
  }

  private async countsFor(ids: string[]) {
    const result = new Map<string, { memberCount: number; vehicleCount: number }>();
    if (ids.length === 0) return result;
    const rows: { id: string; members: string; vehicles: string }[] = await this.households.query(
      `SELECT h.id,
              (SELECT count(*) FROM member m WHERE m.household_id = h.id) AS members,
              (SELECT count(*) FROM vehicle v WHERE v.household_id = h.id) AS vehicles
         FROM household h WHERE h.id = ANY($1)`,
      [ids],
    );
    for (const row of rows) {
      result.set(row.id, { memberCount: Number(row.members), vehicleCount: Number(row.vehicles) });
    }
    return result;
  }

  private async assertAddressFree(associationId: string, address: string): Promise<void> {
    if (await this.households.existsBy({ associationId, address })) {
      throw DomainError.conflict(`门牌已登记 / household "${address}" is already registered`);
    }
  }
}

function toHouseholdView(h: Household): Omit<HouseholdView, 'memberCount' | 'vehicleCount'> {
  return { id: h.id, associationId: h.associationId, address: h.address };
}
