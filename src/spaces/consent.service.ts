import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { Transactions } from '../database/transactions';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import type {
  ConsentCaseView,
  ConsentNoticeView,
  ConsentStatus,
  DecideObjectionDto,
  MyObjectionView,
  ObjectionView,
  RaiseObjectionDto,
} from './dto/consent.dto';
import { LandmarkRepository } from './landmarks/landmark.repository';
import type { SpaceRecord } from './space-record';
import { LaneMapService } from './lane-map.service';
import { type ObjectionRecord, ObjectionRepository } from './objection.repository';
import { OccupancyService } from './occupancy.service';
import { ConsentNoticeChanged, ObjectionChanged } from './spaces.events';
import { SpaceRepository } from './space.repository';
import {
  canChangeLayout,
  canReadAllObjections,
  canReadConsentNotices,
  mayObject,
} from './spaces.policy';

/** A landmark further than this from a space's middle does not name where it is. */
const NEAR_M = 15;

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
    private readonly associations: AssociationsService,
    private readonly households: HouseholdsService,
    private readonly landmarks: LandmarkRepository,
    private readonly events: DomainEvents,
  ) {}

  /** How many objections wait for the council's written answer (the council's home tile). */
  async undecided(actor: Actor): Promise<{ total: number }> {
    if (!canReadAllObjections(actor, actor.associationId)) throw new DomainError('council.only');
    return { total: await this.objections.undecidedCount(actor.associationId) };
  }

  /**
   * 门前新画车位公示: the spaces awaiting consent that face the reader's household while it may
   * still object, each with the household's own objection if it raised one.
   */
  async openToMe(actor: Actor): Promise<ConsentNoticeView[]> {
    const householdId = actor.householdId;
    if (!householdId || !canReadConsentNotices(actor, actor.associationId)) return [];
    const now = (await this.map.context(actor.associationId)).now;
    const spaces = (await this.spaces.facingInNotice(householdId, now)).filter(
      (space) => space.associationId === actor.associationId,
    );
    const lanes = new Map<string, { name: string; near: (space: SpaceRecord) => string | null }>();
    for (const laneId of new Set(spaces.map((space) => space.laneId))) {
      const lane = await this.associations.readableLane(actor, laneId);
      const marks = (await this.landmarks.forLane(laneId)).filter((m) => m.kind !== 'car_park');
      lanes.set(laneId, { name: lane.name, near: (space) => nearestLabel(marks, space) });
    }
    return Promise.all(
      spaces.map(async (space) => {
        const [own] = await this.objections.list(space.id, { householdId });
        const lane = lanes.get(space.laneId)!;
        return {
          spaceId: space.id,
          code: space.code,
          laneId: space.laneId,
          laneName: lane.name,
          near: lane.near(space),
          objectionUntil: space.objectionUntil!.toISOString(),
          objection: own ? toView(own) : null,
        };
      }),
    );
  }

  /** The council's view of the lane's spaces in the consent process, with every objection. */
  async casesOfLane(actor: Actor, laneId: string): Promise<ConsentCaseView[]> {
    const lane = await this.associations.readableLane(actor, laneId);
    if (!canReadAllObjections(actor, lane.associationId)) throw new DomainError('council.only');
    const now = (await this.map.context(lane.associationId)).now;
    const spaces = await this.spaces.inConsent(laneId, now);
    const facing = await this.spaces.facingHouseholds(spaces.map((space) => space.id));
    const addresses = new Map<string, string>();
    const addressOf = async (id: string) => {
      if (!addresses.has(id)) {
        const household = await this.households.readable(actor, id).catch(() => null);
        addresses.set(id, household?.address ?? '');
      }
      return addresses.get(id)!;
    };
    const cases: ConsentCaseView[] = [];
    for (const space of spaces) {
      const objections = await this.objections.list(space.id, 'all');
      cases.push({
        spaceId: space.id,
        code: space.code,
        objectionUntil: space.objectionUntil?.toISOString() ?? null,
        status: consentStatus(space, now),
        facing: await Promise.all(
          (facing.get(space.id) ?? []).map(async (householdId) => ({
            householdId,
            address: await addressOf(householdId),
          })),
        ),
        objections: await Promise.all(
          objections.map(async (o) => ({
            ...toView(o),
            householdAddress: await addressOf(o.householdId),
          })),
        ),
      });
    }
    return cases;
  }

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
    const raised = await this.transactions.run(async (tx) => {
      const objection = await this.objections.raise(tx, {
        spaceId,
        householdId,
        raisedBy: actor.memberId,
        reason: dto.reason,
        at: now,
      });
      this.events.publish(tx, new ObjectionChanged(space.associationId, spaceId));
      return objection;
    });
    return toView(raised);
  }

  /**
   * The council answers. An upheld objection withdraws the space; once every objection is
   * dismissed the space goes live when the objection window closes (at once if it has).
   */
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
      this.events.publish(tx, new ObjectionChanged(space.associationId, spaceId));
      this.events.publish(tx, new ConsentNoticeChanged([answered.householdId], spaceId));
      const { open, upheld } = await this.objections.tally(tx, spaceId);
      // An upheld objection withdraws the space at once; dismissing every objection lets it go
      // live only when the window has closed, so the other facing households keep their days.
      const windowClosed = !space.objectionUntil || space.objectionUntil <= context.now;
      if (open === 0 && upheld > 0) await this.spaces.setConsent(tx, spaceId, 'rejected');
      else if (open === 0 && windowClosed) await this.spaces.setConsent(tx, spaceId, 'approved');
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

/** Where the space stands in the consent process (see space-state.ts, isLive). */
function consentStatus(space: SpaceRecord, now: Date): ConsentStatus {
  if (space.consent === 'rejected') return 'withdrawn';
  if (space.consent === 'approved') return 'live';
  if (space.undecidedObjections > 0) return 'awaiting_answers';
  if (space.objectionUntil && space.objectionUntil > now) return 'in_notice';
  return 'live';
}

/** The label of the landmark nearest the space's middle along the lane, if one is near. */
function nearestLabel(
  marks: readonly { label: string; chainage: number }[],
  space: SpaceRecord,
): string | null {
  const middle = (space.chainageFrom + space.chainageTo) / 2;
  let best: { label: string; distance: number } | null = null;
  for (const mark of marks) {
    const distance = Math.abs(mark.chainage - middle);
    if (distance <= NEAR_M && (!best || distance < best.distance))
      best = { label: mark.label, distance };
  }
  return best?.label ?? null;
}
