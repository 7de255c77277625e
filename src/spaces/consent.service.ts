import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type {
  DecideObjectionDto,
  MyObjectionView,
  ObjectionView,
  RaiseObjectionDto,
} from './dto/consent.dto';
import { LaneMapService } from './lane-map.service';
import { type ObjectionRecord, ObjectionRepository } from './objection.repository';
import { OccupancyService } from './occupancy.service';
import { SpaceRepository } from './space.repository';
import { canChangeLayout, canReadAllObjections, mayObject } from './spaces.policy';

/**
 * "Why right under my window?": a newly painted space waits while the households it faces may
 * object; the council answers every objection in writing, and the answers are kept.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly objections: ObjectionRepository,
    private readonly spaces: SpaceRepository,
    private readonly occupancy: OccupancyService,
    private readonly map: LaneMapService,
  ) {}

  async list(actor: Actor, spaceId: string): Promise<ObjectionView[]> {
    // Not `occupancy.readable`: a space withdrawn after an upheld objection is gone from the map,
    // but the objector keeps the council's written answer, forever after.
    const space = await this.spaces.find(spaceId);
    if (!space || !canReadAssociation(actor, space.associationId)) {
      throw DomainError.notFound('space', spaceId);
    }
    const all = canReadAllObjections(actor, space.associationId);
    const objections = await this.objections.list(
      spaceId,
      all ? 'all' : { householdId: actor.householdId },
    );
    if (space.consent === 'rejected' && !all && objections.length === 0) {
      throw DomainError.notFound('space', spaceId);
    }
    return objections.map(toView);
  }

  /** The household's own objections and the council's written answers, forever after. */
  async mine(actor: Actor): Promise<MyObjectionView[]> {
    if (!actor.householdId) return [];
    const objections = await this.objections.ofHousehold(actor.householdId);
    return objections.map((o) => ({ ...toView(o), spaceCode: o.spaceCode }));
  }

  async raise(actor: Actor, spaceId: string, dto: RaiseObjectionDto): Promise<ObjectionView> {
    const space = await this.occupancy.readable(actor, spaceId);
    const faces = await this.spaces.faces(spaceId, actor.householdId);
    if (!mayObject(actor, space.associationId, faces) || !actor.householdId)
      throw new DomainError('objection.not_facing');
    const now = (await this.map.context(space.associationId)).now;
    if (space.consent !== 'pending' || !space.objectionUntil || space.objectionUntil <= now)
      throw new DomainError('objection.window_closed', { code: space.code });
    // A second objection of the household breaks space_objection_once_key: 409, see spacesConstraints.
    const householdId = actor.householdId;
    const raised = await this.transactions.run((tx) =>
      this.objections.raise(tx, {
        spaceId,
        householdId,
        raisedBy: actor.memberId,
        reason: dto.reason,
        at: now,
      }),
    );
    return toView(raised);
  }

  /** The council answers; when every objection is answered the space goes live or is withdrawn. */
  async decide(
    actor: Actor,
    spaceId: string,
    objectionId: string,
    dto: DecideObjectionDto,
  ): Promise<ObjectionView> {
    const space = await this.occupancy.readable(actor, spaceId);
    if (!canChangeLayout(actor, space.associationId)) throw new DomainError('council.only');
    const context = await this.map.context(space.associationId);
    const decided = await this.transactions.run(async (tx) => {
      const seq = await this.spaces.nextSeq(tx, space.laneId);
      const answered = await this.objections.decide(tx, {
        spaceId,
        objectionId,
        decision: dto.decision,
        reason: dto.reason,
        by: actor.memberId,
        at: context.now,
      });
      if (!answered) throw DomainError.notFound('objection', objectionId);
      const { open, upheld } = await this.objections.tally(tx, spaceId);
      if (open === 0)
        await this.spaces.setConsent(tx, spaceId, upheld > 0 ? 'rejected' : 'approved');
      await this.map.changed(tx, {
        associationId: space.associationId,
        laneId: space.laneId,
        seq,
        spaceId,
        context,
        before: space,
      });
      return answered;
    });
    return toView(decided);
  }
}

function toView(objection: ObjectionRecord): ObjectionView {
  return {
    id: objection.id,
    spaceId: objection.spaceId,
    householdId: objection.householdId,
    reason: objection.reason,
    raisedAt: objection.raisedAt.toISOString(),
    decision: objection.decision,
    decisionReason: objection.decisionReason,
    decidedAt: objection.decidedAt?.toISOString() ?? null,
  };
}
