import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import type { Lane } from '../../associations/lane.repository';
import { DomainError } from '../../common/domain-error';
import { Transactions } from '../../database/transactions';
import type { LandmarkView } from '../../shared/landmarks';
import { projectOnLane } from '../../shared/lane-geometry';
import { canChangeLayout } from '../spaces.policy';
import type { CreateLandmarkDto } from './dto/landmark.dto';
import {
  type LandmarkPlacement,
  type LandmarkRecord,
  LandmarkRepository,
} from './landmark.repository';

/** A landmark further than this from the lane's centre line is not the lane's (metres). */
const NEAR_LANE_M = 30;
/** Within this of the centre line a landmark stands on the lane itself: an entrance (metres). */
const ON_LANE_M = 1;

/**
 * The lane's landmarks: everyone of the association reads them with the map; the council places,
 * moves, renames and removes them (as it paints spaces: canChangeLayout).
 */
@Injectable()
export class LandmarksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly landmarks: LandmarkRepository,
    private readonly associations: AssociationsService,
  ) {}

  async forLane(actor: Actor, laneId: string): Promise<LandmarkView[]> {
    await this.associations.readableLane(actor, laneId);
    return (await this.landmarks.forLane(laneId)).map(toView);
  }

  async place(actor: Actor, laneId: string, dto: CreateLandmarkDto): Promise<LandmarkView> {
    const lane = await this.associations.readableLane(actor, laneId);
    assertCouncil(actor, lane.associationId);
    const placement = placementOf(lane, dto);
    const id = await this.transactions.run((tx) =>
      this.landmarks.insert(
        tx,
        { associationId: lane.associationId, laneId, placedBy: actor.memberId },
        placement,
      ),
    );
    return toView((await this.landmarks.byId(id))!);
  }

  async change(actor: Actor, id: string, dto: Partial<CreateLandmarkDto>): Promise<LandmarkView> {
    const known = await this.readable(actor, id);
    assertCouncil(actor, known.associationId);
    const lane = await this.associations.readableLane(actor, known.laneId);
    const placement = placementOf(lane, {
      kind: dto.kind ?? known.kind,
      label: dto.label ?? known.label,
      x: dto.x ?? known.x,
      y: dto.y ?? known.y,
      carParkId: dto.carParkId ?? known.carParkId ?? undefined,
      directions: dto.directions ?? known.directions,
      walkMinutes: dto.walkMinutes ?? known.walkMinutes ?? undefined,
    });
    await this.transactions.run((tx) =>
      this.landmarks.update(tx, known.id, placement, actor.memberId),
    );
    return toView((await this.landmarks.byId(known.id))!);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const known = await this.readable(actor, id);
    assertCouncil(actor, known.associationId);
    await this.transactions.run((tx) => this.landmarks.remove(tx, known.id));
  }

  /** A landmark of an association the actor may read, else 404 (an id from elsewhere says nothing). */
  private async readable(actor: Actor, id: string): Promise<LandmarkRecord> {
    const landmark = await this.landmarks.byId(id);
    if (!landmark) throw DomainError.notFound('landmark', id);
    await this.associations.readableLane(actor, landmark.laneId).catch(() => {
      throw DomainError.notFound('landmark', id);
    });
    return landmark;
  }
}

function assertCouncil(actor: Actor, associationId: string): void {
  if (!canChangeLayout(actor, associationId)) throw new DomainError('council.only');
}

function placementOf(lane: Lane, dto: CreateLandmarkDto): LandmarkPlacement {
  const label = dto.label.trim();
  if (!label) throw new DomainError('landmark.label_empty');
  if (dto.kind === 'car_park' && !dto.carParkId) throw new DomainError('landmark.car_park_needed');
  const { chainage, offset } = projectOnLane(lane.geometry, dto);
  if (Math.abs(offset) > NEAR_LANE_M) {
    throw new DomainError('landmark.off_the_lane', { metres: Math.round(Math.abs(offset)) });
  }
  return {
    kind: dto.kind,
    label,
    x: dto.x,
    y: dto.y,
    chainage: Math.round(chainage * 100) / 100,
    side: Math.abs(offset) < ON_LANE_M ? 0 : offset > 0 ? 1 : -1,
    carParkId: dto.kind === 'car_park' ? (dto.carParkId ?? null) : null,
    directions: (dto.directions ?? '').trim(),
    walkMinutes: dto.walkMinutes ?? null,
  };
}

/** What leaves the service: the record without its association (the lane says it). */
function toView(record: LandmarkRecord): LandmarkView {
  return {
    id: record.id,
    laneId: record.laneId,
    kind: record.kind,
    label: record.label,
    x: record.x,
    y: record.y,
    chainage: record.chainage,
    side: record.side,
    carParkId: record.carParkId,
    directions: record.directions,
    walkMinutes: record.walkMinutes,
    updatedAt: record.updatedAt,
  };
}
