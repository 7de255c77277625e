import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import type { DecideObjectionDto, ObjectionView, RaiseObjectionDto } from './dto/consent.dto';
import { LaneMapService } from './lane-map.service';
import { OccupancyService } from './occupancy.service';
import { loadLaneSpaces } from './space-record';

interface ObjectionRow {
  id: string;
  space_id: string;
  household_id: string;
  reason: string;
  raised_at: Date;
  decision: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

/**
 * "Why right under my window?": a newly painted space waits while the households it faces may
 * object; the council answers every objection in writing, and the answers are kept.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly occupancy: OccupancyService,
    private readonly map: LaneMapService,
  ) {}

  async list(actor: Actor, spaceId: string): Promise<ObjectionView[]> {
    const space = await this.occupancy.readable(actor, spaceId);
    const council = actor.role === 'admin' && actor.associationId === space.associationId;
    const rows: ObjectionRow[] = await this.dataSource.query(
      `SELECT * FROM space_objection WHERE space_id = $1 AND ($2 OR household_id = $3) ORDER BY raised_at`,
      [spaceId, council, actor.householdId],
    );
    return rows.map(toView);
  }

  async raise(actor: Actor, spaceId: string, dto: RaiseObjectionDto): Promise<ObjectionView> {
    const space = await this.occupancy.readable(actor, spaceId);
    const facing: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM space_facing_household WHERE space_id = $1 AND household_id = $2`,
      [spaceId, actor.householdId],
    );
    if (actor.role !== 'resident' || facing.length === 0)
      throw DomainError.forbidden(
        '仅车位正对的住户可提出异议 / only households the space faces may object',
      );
    const now = (await this.map.context(space.associationId)).now;
    if (space.consent !== 'pending' || !space.objectionUntil || space.objectionUntil <= now)
      throw DomainError.conflict(
        `异议期已结束 / the objection window for ${space.code} has closed`,
      );
    const rows = await this.dataSource
      .query<ObjectionRow[]>(
        `INSERT INTO space_objection (space_id, household_id, raised_by, reason, raised_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [spaceId, actor.householdId, actor.memberId, dto.reason, now],
      )
      .catch((error: unknown) => {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError
          ?.constraint;
        if (constraint !== 'space_objection_once_key') throw error;
        throw DomainError.conflict(
          '本户已提出异议 / your household has already objected to this space',
        );
      });
    return toView(rows[0]!);
  }

  /** The council answers; when every objection is answered the space goes live or is withdrawn. */
  async decide(
    actor: Actor,
    spaceId: string,
    objectionId: string,
    dto: DecideObjectionDto,
  ): Promise<ObjectionView> {
    const space = await this.occupancy.readable(actor, spaceId);
    assertCouncilOf(actor, space.associationId);
    const context = await this.map.context(space.associationId);
    const now = context.now;
    const result = await this.dataSource.transaction(async (em) => {
      const seq = await LaneMapService.nextSeq(em, space.laneId);
      const rows: [ObjectionRow[], number] = await em.query(
        `UPDATE space_objection SET decision = $3, decision_reason = $4, decided_by = $5, decided_at = $6
          WHERE id = $1 AND space_id = $2 AND decision IS NULL RETURNING *`,
        [objectionId, spaceId, dto.decision, dto.reason, actor.memberId, now],
      );
      const decided = rows[0][0];
      if (!decided) throw DomainError.notFound('objection', objectionId);
      const open: { n: number; upheld: number }[] = await em.query(
        `SELECT count(*) FILTER (WHERE decision IS NULL)::int AS n,
                count(*) FILTER (WHERE decision = 'upheld')::int AS upheld
           FROM space_objection WHERE space_id = $1`,
        [spaceId],
      );
      const settled = open[0]!.n === 0;
      if (settled) {
        await em.query(`UPDATE space SET consent = $2 WHERE id = $1`, [
          spaceId,
          open[0]!.upheld > 0 ? 'rejected' : 'approved',
        ]);
      }
      const spaces = await loadLaneSpaces(em, space.laneId);
      const after = spaces.find((s) => s.id === spaceId);
      return { seq, spaces, decided, after, removed: after === undefined };
    });
    await this.map.publish({
      associationId: space.associationId,
      laneId: space.laneId,
      seq: result.seq,
      spaces: result.spaces,
      space: result.after ?? { ...space, consent: 'rejected' },
      removed: result.removed,
      households: [],
      context,
    });
    return toView(result.decided);
  }
}

function toView(row: ObjectionRow): ObjectionView {
  return {
    id: row.id,
    spaceId: row.space_id,
    householdId: row.household_id,
    reason: row.reason,
    raisedAt: row.raised_at.toISOString(),
    decision: row.decision,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
