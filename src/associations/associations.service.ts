import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { Association } from './association.entity';
import type { AssociationView, LaneView } from './dto/association.view';
import type { CreateLaneDto, UpdateLaneDto } from './dto/lane.dto';
import type { MeView } from './dto/me.view';
import { HouseholdsService } from './households.service';
import { Lane } from './lane.entity';
import { MembersService } from './members.service';
import { ResidentUnit } from './resident-unit.entity';
import { assertCouncilOf, associationToRead } from './scope';
import { toAssociationView, toLaneView } from './views';

@Injectable()
export class AssociationsService {
  constructor(
    @InjectRepository(Association) private readonly associations: Repository<Association>,
    @InjectRepository(Lane) private readonly lanes: Repository<Lane>,
    @InjectRepository(ResidentUnit) private readonly residentUnits: Repository<ResidentUnit>,
    private readonly members: MembersService,
    private readonly households: HouseholdsService,
  ) {}

  async me(actor: Actor): Promise<MeView> {
    const [member, association, household] = await Promise.all([
      this.members.viewSelf(actor),
      this.associations.findOneByOrFail({ id: actor.associationId }),
      actor.householdId ? this.households.get(actor, actor.householdId) : Promise.resolve(null),
    ]);
    return { member, association: toAssociationView(association), household };
  }

  async list(actor: Actor): Promise<AssociationView[]> {
    const rows = await this.associations.find({
      where: { id: In(actor.readableAssociationIds) },
      order: { name: 'ASC' },
    });
    return rows.map(toAssociationView);
  }

  async get(actor: Actor, id: string): Promise<AssociationView> {
    if (!canReadAssociation(actor, id)) throw DomainError.notFound('association', id);
    const association = await this.associations.findOneBy({ id });
    if (!association) throw DomainError.notFound('association', id);
    return toAssociationView(association);
  }

  /** For trusted callers that decide visibility themselves (e.g. a public guest pass page). */
  findById(id: string): Promise<Association | null> {
    return this.associations.findOneBy({ id });
  }

  /** For other features: which of `ids` name no association (e.g. an offer's eligible ones). */
  async missingIds(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.associations.find({ where: { id: In(unique) }, select: { id: true } });
    const known = new Set(found.map((a) => a.id));
    return unique.filter((id) => !known.has(id));
  }

  /** For other features: the names of resident units by id (e.g. who lends a car park). */
  async residentUnitNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const units = await this.residentUnits.find({
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(units.map((u) => [u.id, u.name]));
  }

  async listLanes(actor: Actor, associationId?: string): Promise<LaneView[]> {
    const readable = associationId
      ? [associationToRead(actor, associationId)]
      : actor.readableAssociationIds;
    const rows = await this.lanes.find({
      where: { associationId: In(readable) },
      order: { name: 'ASC' },
    });
    return rows.map(toLaneView);
  }

  async getLane(actor: Actor, id: string): Promise<LaneView> {
    return toLaneView(await this.readableLane(actor, id));
  }

  /** For other features: a lane the actor may read, else 404. */
  async readableLane(actor: Actor, id: string): Promise<Lane> {
    const lane = await this.lanes.findOneBy({ id });
    if (!lane || !canReadAssociation(actor, lane.associationId))
      throw DomainError.notFound('lane', id);
    return lane;
  }

  async createLane(actor: Actor, dto: CreateLaneDto): Promise<LaneView> {
    assertCouncilOf(actor, actor.associationId);
    if (await this.lanes.existsBy({ associationId: actor.associationId, name: dto.name })) {
      throw DomainError.conflict(`胡同已存在 / lane "${dto.name}" already exists`);
    }
    const lane = this.lanes.create({
      associationId: actor.associationId,
      name: dto.name,
      geometry: dto.geometry,
    });
    return toLaneView(await this.lanes.save(lane));
  }

  async updateLane(actor: Actor, id: string, dto: UpdateLaneDto): Promise<LaneView> {
    const lane = await this.readableLane(actor, id);
    assertCouncilOf(actor, lane.associationId);
    if (dto.name !== undefined) lane.name = dto.name;
    if (dto.geometry !== undefined) lane.geometry = dto.geometry;
    return toLaneView(await this.lanes.save(lane));
  }
}
