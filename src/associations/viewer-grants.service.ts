import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { MemberAccessChanged } from '../auth/auth.events';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { maskPhone } from '../common/masking';
import { Transactions } from '../database/transactions';
import { AssociationRepository } from './association.repository';
import { canManageAssociation, mayBeGrantedReading } from './associations.policy';
import type { ViewerGrantView } from './dto/viewer-grant.dto';
import { type Member, MemberRepository } from './member.repository';
import { ViewerGrantRepository } from './viewer-grant.repository';

/**
 * A street office or community (role `viewer`) reads several associations: each council grants
 * it read access to its own. A grant reaches the viewer's token at their next login or refresh;
 * a revocation ends the viewer's tokens at once.
 */
@Injectable()
export class ViewerGrantsService {
  constructor(
    private readonly grants: ViewerGrantRepository,
    private readonly members: MemberRepository,
    private readonly associations: AssociationRepository,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor): Promise<ViewerGrantView[]> {
    this.assertCouncil(actor);
    const viewers = await Promise.all(
      (await this.grants.viewersOf(actor.associationId)).map((id) => this.members.byId(id)),
    );
    const found = viewers.filter((m): m is Member => m !== null);
    const homes = await this.associations.namesOf(found.map((m) => m.associationId));
    return found
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((viewer) => toView(viewer, homes.get(viewer.associationId) ?? ''));
  }

  async grant(actor: Actor, phone: string): Promise<ViewerGrantView> {
    this.assertCouncil(actor);
    const viewer = await this.transactions.run(async (tx) => {
      const member = await this.members.byPhone(phone, tx);
      if (!member || !mayBeGrantedReading(member)) {
        throw new DomainError('viewer_grant.not_viewer');
      }
      if (await this.grants.grant(tx, member.id, actor.associationId)) {
        this.events.publish(tx, new MemberAccessChanged(member.id, 'grants'));
      }
      return member;
    });
    const homes = await this.associations.namesOf([viewer.associationId]);
    return toView(viewer, homes.get(viewer.associationId) ?? '');
  }

  async revoke(actor: Actor, memberId: string): Promise<void> {
    this.assertCouncil(actor);
    await this.transactions.run(async (tx) => {
      if (!(await this.grants.revoke(tx, memberId, actor.associationId))) {
        throw DomainError.notFound('viewer grant', memberId);
      }
      // The viewer's tokens name the associations they read: end them, so none outlives this.
      await this.members.bumpTokenVersion(tx, memberId);
      this.events.publish(tx, new MemberAccessChanged(memberId, 'grants'));
    });
  }

  private assertCouncil(actor: Actor): void {
    if (!canManageAssociation(actor, actor.associationId)) throw new DomainError('council.only');
  }
}

function toView(viewer: Member, home: string): ViewerGrantView {
  return {
    memberId: viewer.id,
    name: viewer.name,
    phone: maskPhone(viewer.phone),
    homeAssociation: home,
  };
}
