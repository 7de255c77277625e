import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import { type Association, AssociationRepository } from './association.repository';
import type { AddCouncilDto, OnboardAssociationDto } from './dto/onboarding.dto';
import { MembersService } from './members.service';
import { canOnboardAssociation, isStreetOf } from './onboarding.policy';
import { toAssociationView, toMemberView } from './views';
import type { AssociationResponse, MemberResponse } from '../shared/api/associations';

/**
 * The street office brings the 下岗胡同 model to another community: it founds the association
 * and names its first council member, who takes it from there (lanes, households, spaces).
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly associations: AssociationRepository,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
  ) {}

  async onboard(actor: Actor, dto: OnboardAssociationDto): Promise<AssociationResponse> {
    if (!canOnboardAssociation(actor) || !actor.streetOffice) throw new DomainError('street.only');
    const streetOffice = actor.streetOffice;
    const association = await this.transactions.run((tx) =>
      this.associations.insert(tx, { name: dto.name, community: dto.community, streetOffice }),
    );
    return toAssociationView(association);
  }

  async addCouncil(
    actor: Actor,
    associationId: string,
    dto: AddCouncilDto,
  ): Promise<MemberResponse> {
    if (!canOnboardAssociation(actor)) throw new DomainError('street.only');
    const member = await this.transactions.run(async (tx) => {
      await this.ofStreet(actor, associationId, tx);
      return this.members.addCouncil(tx, associationId, dto);
    });
    return toMemberView(member, actor);
  }

  /** The associations of the actor's street (street staff), by founding date. */
  async streetAssociations(actor: Actor): Promise<Association[]> {
    return actor.streetOffice ? this.associations.ofStreet(actor.streetOffice) : [];
  }

  /** An association of the actor's street; another street's is not found (404). */
  private async ofStreet(actor: Actor, id: string, tx?: Tx): Promise<Association> {
    const association = await this.associations.byId(id, tx);
    if (!association || !isStreetOf(actor, association)) {
      throw DomainError.notFound('association', id);
    }
    return association;
  }
}
