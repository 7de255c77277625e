import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { PriorityTier } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { Transactions, type Tx } from '../database/transactions';
import {
  type AllocationDraw,
  AllocationDrawRepository,
  type DrawKind,
} from './allocation-draw.repository';
import {
  type DrawEntrant,
  type DrawGroup,
  drawGroups,
  drawOrder,
  newSeed,
  seedHashOf,
} from './lottery';
import type { OffPeakOffer } from './off-peak-offer';
import { OffersService } from './offers.service';
import { assertLenderOrCouncil, canReadOffer } from './sharing.policy';
import { StandingAllocationRepository } from './standing-allocation.repository';
import type { DrawResponse } from '../shared/api/sharing';

/** A draw's group as stored: the tier's name as the convention gave it at publication. */
type StoredGroup = DrawGroup & { label: string | null };

/** A published draw being drawn: its order, and what kind of admission it is. */
export interface OpenDraw {
  id: string;
  kind: DrawKind;
  periodMonths: number | null;
  order: string[];
}

/**
 * Admission by public lottery (公开抽签, lottery.ts): the lender or the council publishes the
 * seed's hash over the registrations waiting now (a rotation's redraw: and those holding a place),
 * grouped by the convention's priority tiers; admitting with `method: 'lottery'` draws it
 * (AllocationsService), and everyone who may read the offer may read the draw and recompute it.
 */
@Injectable()
export class DrawsService {
  constructor(
    private readonly offers: OffersService,
    private readonly draws: AllocationDrawRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly conventions: ConventionRulesService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async publish(
    actor: Actor,
    offerId: string,
    kind: DrawKind = 'admission',
  ): Promise<DrawResponse> {
    const offer = await this.offers.readable(actor, offerId);
    assertLenderOrCouncil(actor, offer, 'offer', offerId);
    return toDrawView(await this.publishFor(offer, kind, actor.memberId));
  }

  /**
   * Publishes a draw of the offer (by a person, or by the rotation job: null). Tiers and the
   * rotation period are the convention's in force for the offer's association now.
   */
  async publishFor(
    offer: OffPeakOffer,
    kind: DrawKind,
    by: string | null,
    outer?: Tx,
  ): Promise<AllocationDraw> {
    const rules = await this.conventions.rulesInForce(offer.associationId, this.clock.now());
    const { priorityTiers, rotationPeriodMonths } = rules.parameters;
    if (kind === 'rotation' && rotationPeriodMonths === 0)
      throw new DomainError('allocation.no_rotation');
    return this.transactions.run(async (tx) => {
      const waiting = await this.allocations.lockWaiting(tx, offer.id);
      if (waiting.length === 0) throw new DomainError('draw.nobody_waiting');
      const holders = kind === 'rotation' ? await this.allocations.lockHolders(tx, offer.id) : [];
      const entrants: DrawEntrant[] = [
        ...waiting.map((w) => ({ id: w.id, tier: w.priorityTier, heldBefore: false })),
        ...holders.map((h) => ({ id: h.id, tier: h.priorityTier, heldBefore: true })),
      ];
      const groups = labelled(
        drawGroups(
          entrants,
          priorityTiers.map((t) => t.key),
        ),
        priorityTiers,
      );
      const seed = newSeed();
      return this.draws.insert(
        tx,
        {
          offerId: offer.id,
          kind,
          groups,
          periodMonths: kind === 'rotation' ? rotationPeriodMonths : null,
          seed,
          seedHash: seedHashOf(seed),
          registrationIds: entrants.map((e) => e.id),
        },
        this.clock.now(),
        by,
      );
    }, outer);
  }

  async view(actor: Actor, id: string): Promise<DrawResponse> {
    const draw = await this.draws.find(id);
    if (!draw) throw DomainError.notFound('draw', id);
    const offer = await this.offers.readable(actor, draw.offerId).catch(() => null);
    if (!offer || !canReadOffer(actor, offer)) throw DomainError.notFound('draw', id);
    return toDrawView(draw);
  }

  /** The offer's draws, newest first: who was admitted, period by period (轮换 history). */
  async history(actor: Actor, offerId: string): Promise<DrawResponse[]> {
    await this.offers.readable(actor, offerId);
    return (await this.draws.ofOffer(offerId)).map(toDrawView);
  }

  /**
   * For the public board (公示): the association's draws, each with what anyone needs to check
   * it; registrations are ids, never names.
   */
  async publicOf(associationId: string): Promise<(DrawResponse & { offerTitle: string })[]> {
    const draws = await this.draws.ofAssociation(associationId);
    return draws.map((draw) => ({ ...toDrawView(draw), offerTitle: draw.offerTitle }));
  }

  /** For admitting by lottery: the offer's published draw and its order, locked; else refused. */
  async openDraw(tx: Tx, offerId: string): Promise<OpenDraw> {
    const draw = await this.draws.lockOpen(tx, offerId);
    if (!draw) throw new DomainError('draw.not_published');
    return {
      id: draw.id,
      kind: draw.kind,
      periodMonths: draw.periodMonths,
      order: orderOf(draw),
    };
  }

  /**
   * For admitting in registration order: refused while a draw is published and not yet drawn.
   * Publishing the seed's hash promised that the places would go by that draw (公开抽签).
   */
  async assertNoneOpen(tx: Tx, offerId: string): Promise<void> {
    if (await this.isOpen(tx, offerId)) throw new DomainError('draw.published_admit_by_draw');
  }

  /** Whether the offer has a published draw not yet drawn (locked until `tx` ends). */
  async isOpen(tx: Tx, offerId: string): Promise<boolean> {
    return (await this.draws.lockOpen(tx, offerId)) !== null;
  }

  /** For the rotation job: the offer's open draw, unlocked, if any. */
  openOf(offerId: string): Promise<AllocationDraw | null> {
    return this.draws.open(offerId);
  }

  /** For the rotation job: when the offer's places were last drawn. */
  lastDrawnAt(offerId: string): Promise<Date | null> {
    return this.draws.lastDrawnAt(offerId);
  }

  recordDrawn(tx: Tx, draw: OpenDraw, admitted: string[], by: string | null): Promise<void> {
    return this.draws.recordDrawn(tx, draw.id, {
      order: draw.order,
      admitted,
      at: this.clock.now(),
      by,
    });
  }
}

/** Tier by tier, each by the same rule (lottery.ts); a draw without groups is one group. */
function orderOf(draw: AllocationDraw): string[] {
  return drawOrder(
    draw.seed,
    draw.registrationIds,
    draw.groups.map((g) => g.registrationIds),
  );
}

function labelled(groups: DrawGroup[], tiers: readonly PriorityTier[]): StoredGroup[] {
  return groups.map((g) => ({ ...g, label: tiers.find((t) => t.key === g.tier)?.label ?? null }));
}

function toDrawView(draw: AllocationDraw): DrawResponse {
  const drawn = draw.drawnAt !== null;
  return {
    id: draw.id,
    offerId: draw.offerId,
    method: draw.method,
    kind: draw.kind,
    periodMonths: draw.periodMonths,
    seedHash: draw.seedHash,
    // The seed is the secret that makes the hash a promise: shown only once drawn.
    seed: drawn ? draw.seed : null,
    registrations: draw.registrationIds,
    tiers: (draw.groups as StoredGroup[]).map((g) => ({
      tier: g.tier,
      label: g.label ?? null,
      heldBefore: g.heldBefore,
      registrations: g.registrationIds,
    })),
    order: draw.drawnOrder ?? [],
    admitted: draw.admittedIds ?? [],
    publishedAt: draw.publishedAt,
    drawnAt: draw.drawnAt,
  };
}
