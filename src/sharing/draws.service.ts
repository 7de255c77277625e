import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import { type AllocationDraw, AllocationDrawRepository } from './allocation-draw.repository';
import type { DrawView } from './dto/draw.dto';
import { drawOrder, newSeed, seedHashOf } from './lottery';
import { OffersService } from './offers.service';
import { assertLenderOrCouncil, canReadOffer } from './sharing.policy';
import { StandingAllocationRepository } from './standing-allocation.repository';

/**
 * Admission by public lottery (公开抽签, lottery.ts): the lender or the council publishes the
 * seed's hash over the registrations waiting now; admitting with `method: 'lottery'` draws it
 * (AllocationsService), and everyone who may read the offer may read the draw and recompute it.
 */
@Injectable()
export class DrawsService {
  constructor(
    private readonly offers: OffersService,
    private readonly draws: AllocationDrawRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async publish(actor: Actor, offerId: string): Promise<DrawView> {
    const offer = await this.offers.readable(actor, offerId);
    assertLenderOrCouncil(actor, offer, 'offer', offerId);
    const draw = await this.transactions.run(async (tx) => {
      const waiting = await this.allocations.lockWaiting(tx, offerId);
      if (waiting.length === 0) throw new DomainError('draw.nobody_waiting');
      const seed = newSeed();
      return this.draws.insert(
        tx,
        { offerId, seed, seedHash: seedHashOf(seed), registrationIds: waiting.map((w) => w.id) },
        this.clock.now(),
        actor.memberId,
      );
    });
    return toDrawView(draw);
  }

  async view(actor: Actor, id: string): Promise<DrawView> {
    const draw = await this.draws.find(id);
    if (!draw) throw DomainError.notFound('draw', id);
    const offer = await this.offers.readable(actor, draw.offerId).catch(() => null);
    if (!offer || !canReadOffer(actor, offer)) throw DomainError.notFound('draw', id);
    return toDrawView(draw);
  }

  /**
   * For the public board (公示): the association's draws, each with what anyone needs to check
   * it; registrations are ids, never names.
   */
  async publicOf(associationId: string): Promise<(DrawView & { offerTitle: string })[]> {
    const draws = await this.draws.ofAssociation(associationId);
    return draws.map((draw) => ({ ...toDrawView(draw), offerTitle: draw.offerTitle }));
  }

  /** For admitting by lottery: the offer's published draw and its order, locked; else refused. */
  async openDraw(tx: Tx, offerId: string): Promise<{ id: string; order: string[] }> {
    const draw = await this.draws.lockOpen(tx, offerId);
    if (!draw) throw new DomainError('draw.not_published');
    return { id: draw.id, order: drawOrder(draw.seed, draw.registrationIds) };
  }

  recordDrawn(
    tx: Tx,
    draw: { id: string; order: string[] },
    admitted: string[],
    by: string,
  ): Promise<void> {
    return this.draws.recordDrawn(tx, draw.id, {
      order: draw.order,
      admitted,
      at: this.clock.now(),
      by,
    });
  }
}

function toDrawView(draw: AllocationDraw): DrawView {
  const drawn = draw.drawnAt !== null;
  return {
    id: draw.id,
    offerId: draw.offerId,
    method: draw.method,
    seedHash: draw.seedHash,
    // The seed is the secret that makes the hash a promise: shown only once drawn.
    seed: drawn ? draw.seed : null,
    registrations: draw.registrationIds,
    order: draw.drawnOrder ?? [],
    admitted: draw.admittedIds ?? [],
    publishedAt: draw.publishedAt,
    drawnAt: draw.drawnAt,
  };
}
