import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { qrPng } from '../common/pdf/qr-image';
import { MAX_CARDS, type PermitCardsQuery } from './dto/permit-cards.query';
import type { Permit } from './permit';
import { permitCardsPdf } from './permit-cards-pdf';
import { statusAt } from './permit-status';
import { PermitTokensService, QR_OPTIONS } from './permit-tokens.service';
import { PermitRepository } from './permit.repository';
import { canPrintPermitCards } from './permits.policy';

/** The council prints its permit cards in bulk: the ones it chose, or every one in force. */
@Injectable()
export class PermitCardsService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly tokens: PermitTokensService,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async sheet(actor: Actor, query: PermitCardsQuery): Promise<Buffer> {
    const associationId = actor.associationId;
    if (!canPrintPermitCards(actor, associationId)) throw new DomainError('council.only');
    const association = await this.associations.get(actor, associationId);
    const permits = query.ids
      ? await this.chosen(associationId, query.ids)
      : await this.inForce(associationId, query);
    const cards = [];
    // One after the other: a token not yet signed is signed and kept on the way (tokenOf).
    for (const permit of permits) {
      cards.push({
        number: permit.number,
        kind: permit.kind,
        plate: permit.plate,
        validFrom: permit.validFrom,
        validTo: permit.validTo,
        qrPng: qrPng(await this.tokens.tokenOf(permit), QR_OPTIONS),
      });
    }
    return permitCardsPdf(association.name, cards);
  }

  /** Each chosen permit, of this association (else 404, as for one), in force or about to be. */
  private async chosen(associationId: string, ids: string[]): Promise<Permit[]> {
    const found = new Map((await this.permits.findByIds([...new Set(ids)])).map((p) => [p.id, p]));
    const now = this.clock.now();
    return [...new Set(ids)].map((id) => {
      const permit = found.get(id);
      if (!permit || permit.associationId !== associationId) {
        throw DomainError.notFound('permit', id);
      }
      const status = statusAt(permit, now);
      if (status !== 'active' && status !== 'scheduled') {
        throw new DomainError('permit.no_qr', { number: permit.number });
      }
      return permit;
    });
  }

  private async inForce(associationId: string, query: PermitCardsQuery): Promise<Permit[]> {
    const [rows, total] = await this.permits.page(
      { associationId, kind: query.kind, status: 'active', now: this.clock.now() },
      0,
      MAX_CARDS,
    );
    if (total > MAX_CARDS) {
      throw new DomainError('permit.cards_too_many', { count: total, limit: MAX_CARDS });
    }
    if (rows.length === 0) throw new DomainError('permit.cards_none');
    return rows.sort((a, b) => a.number - b.number);
  }
}
