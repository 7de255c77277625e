import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCouncilOf, associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { AssignmentsService } from './assignments.service';
import type { SwapQuery } from './dto/roster.dto';
import type { SwapView } from './dto/swap.view';
import { changedRows } from './changed-rows';
import { withRosterConstraints } from './roster-errors';

interface SwapRow {
  id: string;
  association_id: string;
  shift_id: string;
  shift_name: string;
  kind: 'warden' | 'volunteer';
  starts_at: Date;
  ends_at: Date;
  status: SwapView['status'];
  offered_by: string;
  offered_by_name: string;
  offered_by_role: string;
  taken_by: string | null;
  taken_by_name: string | null;
  note: string;
  decided_by: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const SWAP_SQL = `
  SELECT w.id, w.association_id, w.shift_id, s.name AS shift_name, s.kind, s.starts_at, s.ends_at,
         w.status, w.offered_by, o.name AS offered_by_name, o.role AS offered_by_role,
         w.taken_by, t.name AS taken_by_name, w.note, w.decided_by, w.created_at, w.decided_at
    FROM shift_swap w
    JOIN duty_shift s ON s.id = w.shift_id
    JOIN member o ON o.id = w.offered_by
    LEFT JOIN member t ON t.id = w.taken_by`;

/**
 * Swaps (换班): the member on a shift offers it, another takes it, the council approves, unless
 * the convention lets swaps between wardens through (wardenSwapsWithoutApproval). Rows are never
 * deleted, so the history stays.
 */
@Injectable()
export class SwapsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly conventions: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: SwapQuery): Promise<SwapView[]> {
    const associationId = associationToRead(actor, undefined);
    const rows: SwapRow[] = await this.db.query(
      `${SWAP_SQL} WHERE w.association_id = $1 AND ($2::text IS NULL OR w.status = $2)
        ORDER BY w.created_at DESC LIMIT $3`,
      [associationId, query.status ?? null, query.limit],
    );
    return rows.map(toSwapView);
  }

  async offer(actor: Actor, assignmentId: string, note = ''): Promise<SwapView> {
    const assignment = await this.assignments.readableAssignment(actor, assignmentId);
    if (assignment.member_id !== actor.memberId) {
      throw DomainError.forbidden('只能让出自己的班次 / you may offer only your own shift');
    }
    if (assignment.signed_in_at || assignment.starts_at <= this.clock.now()) {
      throw DomainError.conflict(
        '班次已开始 / this shift has started; it can no longer be swapped',
      );
    }
    const rows: { id: string }[] = await withRosterConstraints(() =>
      this.db.query(
        `INSERT INTO shift_swap (association_id, shift_id, offered_by, note)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [assignment.association_id, assignment.shift_id, actor.memberId, note],
      ),
    );
    return this.view(rows[0]!.id);
  }

  async take(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    if (swap.offered_by === actor.memberId) {
      throw DomainError.invalid('不能接自己的班 / you cannot take your own offer');
    }
    await this.assignments.assertMayServe(swap.association_id, swap.kind, actor.memberId);
    const rules = await this.conventions.rulesInForce(swap.association_id, this.clock.now());
    const automatic =
      rules.parameters.wardenSwapsWithoutApproval &&
      swap.offered_by_role === 'warden' &&
      actor.role === 'warden';
    const now = this.clock.now();
    await withRosterConstraints(() =>
      this.db.transaction(async (em) => {
        // Only one taker wins: the row changes only while it is still on offer.
        const taken = await changedRows(
          em,
          `UPDATE shift_swap SET status = 'taken', taken_by = $2, taken_at = $3
            WHERE id = $1 AND status = 'offered' RETURNING id`,
          [swapId, actor.memberId, now],
        );
        if (taken.length === 0)
          throw DomainError.conflict('此换班已被接或已取消 / this offer is no longer open');
        // The taker's overlapping shifts are refused by the database when the shift moves over.
        await this.assertTakerFree(em, swap, actor.memberId);
        if (automatic) await this.apply(em, swapId, null, now);
      }),
    );
    return this.view(swapId);
  }

  async approve(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    assertCouncilOf(actor, swap.association_id);
    await withRosterConstraints(() =>
      this.db.transaction((em) => this.apply(em, swapId, actor.memberId, this.clock.now())),
    );
    return this.view(swapId);
  }

  async decline(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    assertCouncilOf(actor, swap.association_id);
    await this.close(swapId, 'declined', actor.memberId, ['offered', 'taken']);
    return this.view(swapId);
  }

  async cancel(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    if (swap.offered_by !== actor.memberId) {
      throw DomainError.forbidden('只能撤回自己的换班 / you may cancel only your own offer');
    }
    await this.close(swapId, 'cancelled', actor.memberId, ['offered', 'taken']);
    return this.view(swapId);
  }

  /** Moves the shift from the offerer to the taker, if it has not started. */
  private async apply(em: EntityManager, swapId: string, decidedBy: string | null, now: Date) {
    const rows = await changedRows<{ shift_id: string; offered_by: string; taken_by: string }>(
      em,
      `UPDATE shift_swap SET status = 'approved', decided_by = $2, decided_at = $3
        WHERE id = $1 AND status = 'taken' RETURNING shift_id, offered_by, taken_by`,
      [swapId, decidedBy, now],
    );
    const swap = rows[0];
    if (!swap)
      throw DomainError.conflict(
        '此换班尚无人接或已处理 / nobody has taken this offer, or it was decided',
      );
    const moved = await changedRows(
      em,
      `UPDATE shift_assignment SET member_id = $3
        WHERE shift_id = $1 AND member_id = $2 AND signed_in_at IS NULL AND starts_at > $4
        RETURNING id`,
      [swap.shift_id, swap.offered_by, swap.taken_by, now],
    );
    if (moved.length === 0) {
      throw DomainError.conflict('班次已开始或已换人 / the shift has started or changed hands');
    }
  }

  private async assertTakerFree(em: EntityManager, swap: SwapRow, memberId: string) {
    const clash: unknown[] = await em.query(
      `SELECT 1 FROM shift_assignment WHERE member_id = $1 AND during && tstzrange($2, $3)`,
      [memberId, swap.starts_at, swap.ends_at],
    );
    if (clash.length > 0) {
      throw DomainError.conflict('你在此时段已有班次 / you are already on an overlapping shift');
    }
  }

  private async close(swapId: string, status: string, by: string, from: string[]) {
    const rows = await changedRows(
      this.db,
      `UPDATE shift_swap SET status = $2, decided_by = $3, decided_at = $4
        WHERE id = $1 AND status = ANY($5::text[]) RETURNING id`,
      [swapId, status, by, this.clock.now(), from],
    );
    if (rows.length === 0)
      throw DomainError.conflict('此换班已处理 / this swap was already decided');
  }

  private async readable(actor: Actor, swapId: string): Promise<SwapRow> {
    const rows: SwapRow[] = await this.db.query(`${SWAP_SQL} WHERE w.id = $1`, [swapId]);
    const swap = rows[0];
    if (!swap || swap.association_id !== actor.associationId) {
      throw DomainError.notFound('shift swap', swapId);
    }
    return swap;
  }

  private async view(swapId: string): Promise<SwapView> {
    const rows: SwapRow[] = await this.db.query(`${SWAP_SQL} WHERE w.id = $1`, [swapId]);
    return toSwapView(rows[0]!);
  }
}

function toSwapView(row: SwapRow): SwapView {
  return {
    id: row.id,
    shiftId: row.shift_id,
    shiftName: row.shift_name,
    from: row.starts_at.toISOString(),
    to: row.ends_at.toISOString(),
    status: row.status,
    offeredById: row.offered_by,
    offeredByName: row.offered_by_name,
    takenById: row.taken_by,
    takenByName: row.taken_by_name,
    note: row.note,
    autoApproved: row.status === 'approved' && row.decided_by === null,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
