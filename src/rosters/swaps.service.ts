import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { type Tx, Transactions } from '../database/transactions';
import { AssignmentsService } from './assignments.service';
import type { SwapQuery } from './dto/roster.dto';
import type { SwapView } from './dto/swap.view';
import {
  assertCanManageRoster,
  canCancelSwap,
  canOfferSwap,
  canSeeSwap,
  swapNeedsNoCouncil,
} from './rosters.policy';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import { type ShiftSwap, ShiftSwapRepository } from './shift-swap.repository';

/**
 * Swaps (换班): the member on a shift offers it, another takes it, the council approves, unless
 * the convention lets swaps between wardens through (wardenSwapsWithoutApproval). Rows are never
 * deleted, so the history stays.
 */
@Injectable()
export class SwapsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly swaps: ShiftSwapRepository,
    private readonly assignmentRows: ShiftAssignmentRepository,
    private readonly assignments: AssignmentsService,
    private readonly conventions: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: SwapQuery): Promise<SwapView[]> {
    const associationId = associationToRead(actor, undefined);
    const swaps = await this.swaps.list(associationId, query.status ?? null, query.limit);
    return swaps.map(toSwapView);
  }

  async offer(actor: Actor, assignmentId: string, note = ''): Promise<SwapView> {
    return this.transactions.run(async (tx) => {
      const assignment = await this.assignments.readableAssignment(actor, assignmentId, tx);
      if (!canOfferSwap(actor, assignment)) throw new DomainError('swap.offer_not_yours');
      if (assignment.signedInAt || assignment.startsAt <= this.clock.now()) {
        throw new DomainError('swap.shift_started');
      }
      // A second open offer of the same shift breaks shift_swap_open_key: 'swap.already_offered'.
      const id = await this.swaps.insert(tx, {
        associationId: assignment.associationId,
        shiftId: assignment.shiftId,
        offeredBy: actor.memberId,
        note,
      });
      return this.view(id, tx);
    });
  }

  async take(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    if (swap.offeredBy === actor.memberId) throw new DomainError('swap.own_offer');
    await this.assignments.assertMayServe(swap.associationId, swap.kind, actor.memberId);
    const now = this.clock.now();
    const rules = await this.conventions.rulesInForce(swap.associationId, now);
    return this.transactions.run(async (tx) => {
      if (!(await this.swaps.take(tx, swapId, actor.memberId, now))) {
        throw new DomainError('swap.not_open');
      }
      // The database refuses the taker's overlapping shifts when the shift moves over; saying so
      // here gives the taker the reason before the council is asked.
      const period = { from: swap.startsAt, to: swap.endsAt };
      if (await this.assignmentRows.isBusyDuring(tx, actor.memberId, period)) {
        throw new DomainError('swap.taker_busy');
      }
      if (swapNeedsNoCouncil(rules, swap, actor)) await this.apply(tx, swapId, null, now);
      return this.view(swapId, tx);
    });
  }

  async approve(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    assertCanManageRoster(actor, swap.associationId);
    return this.transactions.run(async (tx) => {
      await this.apply(tx, swapId, actor.memberId, this.clock.now());
      return this.view(swapId, tx);
    });
  }

  async decline(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    assertCanManageRoster(actor, swap.associationId);
    return this.close(swapId, 'declined', actor.memberId);
  }

  async cancel(actor: Actor, swapId: string): Promise<SwapView> {
    const swap = await this.readable(actor, swapId);
    if (!canCancelSwap(actor, swap)) throw new DomainError('swap.cancel_not_yours');
    return this.close(swapId, 'cancelled', actor.memberId);
  }

  /** Moves the shift from the offerer to the taker, if it has not started. */
  private async apply(tx: Tx, swapId: string, decidedBy: string | null, now: Date) {
    const approved = await this.swaps.approve(tx, swapId, decidedBy, now);
    if (!approved) throw new DomainError('swap.not_taken');
    const moved = await this.assignmentRows.moveBeforeStart(
      tx,
      approved.shiftId,
      approved.offeredBy,
      approved.takenBy,
      now,
    );
    if (!moved) throw new DomainError('swap.shift_moved');
  }

  private async close(swapId: string, status: 'declined' | 'cancelled', by: string) {
    return this.transactions.run(async (tx) => {
      if (!(await this.swaps.close(tx, swapId, status, by, this.clock.now()))) {
        throw new DomainError('swap.decided');
      }
      return this.view(swapId, tx);
    });
  }

  private async readable(actor: Actor, swapId: string): Promise<ShiftSwap> {
    const swap = await this.swaps.find(swapId);
    if (!swap || !canSeeSwap(actor, swap)) throw DomainError.notFound('shift swap', swapId);
    return swap;
  }

  private async view(swapId: string, tx: Tx): Promise<SwapView> {
    return toSwapView((await this.swaps.find(swapId, tx))!);
  }
}

function toSwapView(swap: ShiftSwap): SwapView {
  return {
    id: swap.id,
    shiftId: swap.shiftId,
    shiftName: swap.shiftName,
    from: swap.startsAt.toISOString(),
    to: swap.endsAt.toISOString(),
    status: swap.status,
    offeredById: swap.offeredBy,
    offeredByName: swap.offeredByName,
    takenById: swap.takenBy,
    takenByName: swap.takenByName,
    note: swap.note,
    autoApproved: swap.status === 'approved' && swap.decidedBy === null,
    createdAt: swap.createdAt.toISOString(),
    decidedAt: swap.decidedAt?.toISOString() ?? null,
  };
}
