import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../../associations/associations.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { DomainEvents } from '../../common/domain-events';
import { maskPlate } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import type { MoveRequestFacts } from '../permits.events';
import { MoveAnswered } from '../permits.events';
import type { MoveAnswer } from './move-request.dto';
import { MoveRequestRepository } from './move-request.repository';
import { hashNoticeToken, NOTICE_TOKEN } from './windscreen-notice';
import type { PublicNotice } from '../../shared/api/permits';

/**
 * The public side of a windscreen notice (挪车提示): whoever holds the paper reads the request and
 * answers it; the warden who left it hears the answer live. Neither learns who the other is.
 */
@Injectable()
export class WindscreenNoticesService {
  constructor(
    private readonly requests: MoveRequestRepository,
    private readonly associations: AssociationsService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async read(token: string): Promise<PublicNotice> {
    return this.publicView(await this.find(token));
  }

  async answer(token: string, answer: MoveAnswer): Promise<PublicNotice> {
    const now = this.clock.now();
    const answered = await this.transactions.run(async (tx) => {
      const notice = await this.find(token, tx);
      if (notice.answer) throw new DomainError('move_request.already_answered');
      if (notice.noticeExpiresAt! <= now) throw new DomainError('move_notice.expired');
      const saved = await this.requests.answer(notice.id, answer, now, tx);
      this.events.publish(tx, new MoveAnswered(saved));
      return saved;
    });
    return this.publicView(answered);
  }

  private async find(token: string, tx?: Parameters<MoveRequestRepository['answer']>[3]) {
    const notice = NOTICE_TOKEN.test(token)
      ? await this.requests.noticeByTokenHash(hashNoticeToken(token), tx)
      : null;
    if (!notice) throw DomainError.notFound('move notice');
    return notice;
  }

  private async publicView(notice: MoveRequestFacts): Promise<PublicNotice> {
    const association = await this.associations.findById(notice.associationId);
    return {
      associationName: association?.name ?? '',
      plate: maskPlate(notice.plate),
      note: notice.note,
      askedAt: notice.askedAt,
      expiresAt: notice.noticeExpiresAt!,
      answer: notice.answer,
      answeredAt: notice.answeredAt,
    };
  }
}
