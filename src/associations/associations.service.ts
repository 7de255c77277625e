import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { DomainError } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import { type Association, AssociationRepository } from './association.repository';
import { ResidentUnitRepository } from './resident-unit.repository';
import { canManageAssociation } from './associations.policy';
import type { CreateLaneDto, UpdateLaneDto } from './dto/lane.dto';
import { HouseholdsService } from './households.service';
import { type Lane, LaneRepository } from './lane.repository';
import { MembersService } from './members.service';
import { associationToRead } from './scope';
import { toAssociationView, toLaneView } from './views';
import type { AssociationResponse, LaneResponse, MeResponse } from '../shared/api/associations';

@Injectable()
export class AssociationsService {
  constructor(
    private readonly associations: AssociationRepository,
    private readonly lanes: LaneRepository,
    private readonly members: MembersService,
    private readonly households: HouseholdsService,
    private readonly transactions: Transactions,
    private readonly residentUnits: ResidentUnitRepository,
  ) {}

  /** For other features: which of these association ids do not exist. */
  async missingIds(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const known = new Set((await this.associations.byIds(unique)).map((a) => a.id));
    return unique.filter((id) => !known.has(id));
  }

  /** For other features: the names of resident units by id (e.g. who lends a car park). */
  residentUnitNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.residentUnits.namesOf([...new Set(ids)]);
  }

  async me(actor: Actor): Promise<MeResponse> {
    if (actor.streetOffice) {
      const member = await this.members.viewSelf(actor);
      return { member, association: null, household: null, streetOffice: actor.streetOffice };
    }
    const [member, association, household] = await Promise.all([
      this.members.viewSelf(actor),
      this.associations.byId(actor.associationId),
      actor.householdId ? this.households.get(actor, actor.householdId) : Promise.resolve(null),
    ]);
    if (!association) throw DomainError.notFound('association', actor.associationId);
    return {
      member,
      association: toAssociationView(association),
      household,
      streetOffice: association.streetOffice,
    };
  }

  async list(actor: Actor): Promise<AssociationResponse[]> {
    return (await this.associations.byIds(actor.readableAssociationIds)).map(toAssociationView);
  }

  async get(actor: Actor, id: string): Promise<AssociationResponse> {
    if (!canReadAssociation(actor, id)) throw DomainError.notFound('association', id);
    const association = await this.associations.byId(id);
    if (!association) throw DomainError.notFound('association', id);
    return toAssociationView(association);
  }

  /** The council sets how long its association keeps whereabouts (issue 15.2). */
  async setRetention(
    actor: Actor,
    id: string,
    whereaboutsDays: number,
  ): Promise<AssociationResponse> {
    if (!canReadAssociation(actor, id)) throw DomainError.notFound('association', id);
    if (!canManageAssociation(actor, id)) throw new DomainError('council.only');
    await this.transactions.run((tx) =>
      this.associations.setWhereaboutsDays(tx, id, whereaboutsDays),
    );
    return this.get(actor, id);
  }

  /** For trusted callers that decide visibility themselves (e.g. a public guest pass page). */
  findById(id: string): Promise<Association | null> {
    return this.associations.byId(id);
  }

  /** For other features: an association the actor may read, else 404. */
  async readable(actor: Actor, id: string): Promise<Association> {
    const association = canReadAssociation(actor, id) ? await this.associations.byId(id) : null;
    if (!association) throw DomainError.notFound('association', id);
    return association;
  }

  async listLanes(actor: Actor, associationId?: string): Promise<LaneResponse[]> {
    const readable = associationId
      ? [associationToRead(actor, associationId)]
      : actor.readableAssociationIds;
    return (await this.lanes.ofAssociations(readable)).map(toLaneView);
  }

  async getLane(actor: Actor, id: string): Promise<LaneResponse> {
    return toLaneView(await this.readableLane(actor, id));
  }

  /** For other features: a lane the actor may read, else 404. */
  async readableLane(actor: Actor, id: string): Promise<Lane> {
    const lane = await this.lanes.byId(id);
    if (!lane || !canReadAssociation(actor, lane.associationId)) {
      throw DomainError.notFound('lane', id);
    }
    return lane;
  }

  /** For other features: the ids of `laneIds` that are lanes of the association. */
  /** For trusted callers (the street's aggregates): the ids of the association's lanes. */
  async laneIdsOf(associationId: string): Promise<string[]> {
    return (await this.lanes.ofAssociations([associationId])).map((lane) => lane.id);
  }

  async lanesOf(associationId: string, laneIds: string[]): Promise<string[]> {
    const lanes = await this.lanes.ofAssociations([associationId]);
    const own = new Set(lanes.map((lane) => lane.id));
    return laneIds.filter((id) => own.has(id));
  }

  async createLane(actor: Actor, dto: CreateLaneDto): Promise<LaneResponse> {
    if (!canManageAssociation(actor, actor.associationId)) throw new DomainError('council.only');
    const lane = await this.transactions.run(async (tx) => {
      if (await this.lanes.nameTaken(actor.associationId, dto.name, null, tx)) {
        throw new DomainError('lane.name_taken');
      }
      return this.lanes.insert(tx, {
        associationId: actor.associationId,
        name: dto.name,
        geometry: dto.geometry,
      });
    });
    return toLaneView(lane);
  }

  async updateLane(actor: Actor, id: string, dto: UpdateLaneDto): Promise<LaneResponse> {
    const lane = await this.readableLane(actor, id);
    if (!canManageAssociation(actor, lane.associationId)) throw new DomainError('council.only');
    const updated = await this.transactions.run(async (tx) => {
      if (
        dto.name !== undefined &&
        (await this.lanes.nameTaken(lane.associationId, dto.name, id, tx))
      ) {
        throw new DomainError('lane.name_taken');
      }
      return this.lanes.update(tx, id, dto);
    });
    return toLaneView(updated);
  }

  /** For the retention job: each association's period for whereabouts (scans, sessions). */
  whereaboutsPeriods(tx?: Tx): Promise<{ associationId: string; days: number }[]> {
    return this.associations.whereaboutsPeriods(tx);
  }
}
