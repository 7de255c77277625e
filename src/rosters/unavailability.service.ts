import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { UnavailabilityDto } from './dto/roster.dto';
import {
  type MemberUnavailability,
  MemberUnavailabilityRepository,
} from './member-unavailability.repository';
import { periodOf } from './period';

export interface UnavailabilityView {
  id: string;
  from: string;
  to: string;
  reason: string;
}

const MAX_DAYS_AWAY = 366;

/** Times a warden or volunteer declares they cannot serve; the next generation avoids them. */
@Injectable()
export class UnavailabilityService {
  constructor(
    private readonly transactions: Transactions,
    private readonly unavailability: MemberUnavailabilityRepository,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<UnavailabilityView[]> {
    const rows = await this.unavailability.endingAfter(actor.memberId, this.clock.now());
    return rows.map(toView);
  }

  async declare(actor: Actor, dto: UnavailabilityDto): Promise<UnavailabilityView> {
    const period = periodOf(dto.from, dto.to, MAX_DAYS_AWAY);
    const row = await this.transactions.run((tx) =>
      this.unavailability.insert(tx, {
        associationId: actor.associationId,
        memberId: actor.memberId,
        period,
        reason: dto.reason ?? '',
      }),
    );
    return toView(row);
  }

  async withdraw(actor: Actor, id: string): Promise<void> {
    const deleted = await this.transactions.run((tx) =>
      this.unavailability.deleteOwn(tx, id, actor.memberId),
    );
    if (!deleted) throw DomainError.notFound('unavailability', id);
  }
}

function toView(row: MemberUnavailability): UnavailabilityView {
  return {
    id: row.id,
    from: row.startsAt.toISOString(),
    to: row.endsAt.toISOString(),
    reason: row.reason,
  };
}
