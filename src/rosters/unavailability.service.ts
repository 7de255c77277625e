import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { UnavailabilityDto } from './dto/roster.dto';
import { MemberUnavailability } from './member-unavailability.entity';
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
    @InjectRepository(MemberUnavailability)
    private readonly unavailability: Repository<MemberUnavailability>,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<UnavailabilityView[]> {
    const rows = await this.unavailability.find({
      where: { memberId: actor.memberId, endsAt: MoreThan(this.clock.now()) },
      order: { startsAt: 'ASC' },
    });
    return rows.map(toView);
  }

  async declare(actor: Actor, dto: UnavailabilityDto): Promise<UnavailabilityView> {
    const period = periodOf(dto.from, dto.to, MAX_DAYS_AWAY);
    const row = await this.unavailability.save(
      this.unavailability.create({
        associationId: actor.associationId,
        memberId: actor.memberId,
        startsAt: period.from,
        endsAt: period.to,
        reason: dto.reason ?? '',
      }),
    );
    return toView(row);
  }

  async withdraw(actor: Actor, id: string): Promise<void> {
    const result = await this.unavailability.delete({ id, memberId: actor.memberId });
    if (!result.affected) throw DomainError.notFound('unavailability', id);
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
