import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { associationToRead } from '../associations/scope';
import { DomainError } from '../common/domain-error';
import { MINUTES_PER_DAY, parseHhmm } from '../common/shanghai-time';
import { ConventionsService } from '../conventions/conventions.service';
import { Transactions } from '../database/transactions';
import {
  type DutyRequirement,
  type DutyRequirementFields,
  DutyRequirementRepository,
} from './duty-requirement.repository';
import type { DutyRequirementDto } from './dto/roster.dto';
import type { DutyRequirementView } from './dto/roster.view';
import { toRequirementView } from './roster-views';
import { assertCanManageRoster } from './rosters.policy';

/**
 * Who must be on duty when (值守要求): declared by the council, each resting on an article of
 * the convention in force (the wardens' line on article 5, "二十四小时轮流值守"). Coverage and
 * the rolling roster measure against these.
 */
@Injectable()
export class DutyRequirementsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requirements: DutyRequirementRepository,
    private readonly conventions: ConventionsService,
  ) {}

  async list(actor: Actor, associationId?: string): Promise<DutyRequirementView[]> {
    const requirements = await this.requirements.list(associationToRead(actor, associationId));
    return requirements.map(toRequirementView);
  }

  async create(actor: Actor, dto: DutyRequirementDto): Promise<DutyRequirementView> {
    assertCanManageRoster(actor, actor.associationId);
    const fields = await this.fieldsOf(actor, dto);
    const created = await this.transactions.run((tx) =>
      this.requirements.insert(tx, actor.associationId, fields),
    );
    return toRequirementView(created);
  }

  async update(actor: Actor, id: string, dto: DutyRequirementDto): Promise<DutyRequirementView> {
    const requirement = await this.writable(actor, id);
    const fields = await this.fieldsOf(actor, dto);
    const updated = await this.transactions.run((tx) =>
      this.requirements.update(tx, requirement.id, fields),
    );
    return toRequirementView(updated);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const requirement = await this.writable(actor, id);
    await this.transactions.run((tx) => this.requirements.delete(tx, requirement.id));
  }

  private async writable(actor: Actor, id: string): Promise<DutyRequirement> {
    const requirement = await this.requirements.find(id);
    if (!requirement || requirement.associationId !== actor.associationId) {
      throw DomainError.notFound('duty requirement', id);
    }
    assertCanManageRoster(actor, requirement.associationId);
    return requirement;
  }

  /** The fields to store, once the article is found in the convention in force. */
  private async fieldsOf(actor: Actor, dto: DutyRequirementDto): Promise<DutyRequirementFields> {
    const inForce = await this.conventions.current(actor).catch((error: unknown) => {
      if (error instanceof DomainError && error.reason === 'convention.none_in_force') return null;
      throw error;
    });
    if (!inForce?.articles.some((a) => a.number === dto.article)) {
      throw new DomainError('duty_requirement.article_unknown', { number: dto.article });
    }
    return {
      name: dto.name,
      kind: dto.kind,
      weekdays: dto.weekdays,
      startMinute: parseHhmm(dto.from)!,
      // A window closing at 00:00 closes at the midnight that ends its day.
      endMinute: parseHhmm(dto.to, { endOfDay: true }) || MINUTES_PER_DAY,
      people: dto.people,
      articleNumber: dto.article,
    };
  }
}
