import { Injectable } from '@nestjs/common';
import { MembersService } from '../associations/members.service';
import type { Actor } from '../auth/actor';
import { assertCouncilOf } from '../auth/policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionAcknowledgementRepository } from './convention-acknowledgement.repository';
import { ConventionRulesService } from './convention-rules.service';
import type { ConventionVersion } from './convention-version';
import type { Acknowledgements } from '../shared/api/conventions';

/** Members sign the version in force (签署); the council sees who has not yet. */
@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly acknowledgements: ConventionAcknowledgementRepository,
    private readonly members: MembersService,
    private readonly rules: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  async acknowledge(actor: Actor): Promise<{ versionId: string; acknowledgedAt: Date }> {
    const now = this.clock.now();
    const version = await this.inForce(actor.associationId, now);
    const acknowledgedAt = await this.acknowledgements.sign(version.id, actor.memberId, now);
    return { versionId: version.id, acknowledgedAt };
  }

  async status(actor: Actor): Promise<Acknowledgements> {
    assertCouncilOf(actor, actor.associationId);
    const version = await this.inForce(actor.associationId, this.clock.now());
    const signed = await this.acknowledgements.signersOf(version.id);
    const members = (await this.members.residentsWithAddress(actor.associationId)).map(
      ({ member, address }) => ({ memberId: member.id, name: member.name, address }),
    );
    return {
      versionId: version.id,
      versionNumber: version.number,
      acknowledged: signed.size,
      pending: members.filter((m) => !signed.has(m.memberId)),
    };
  }

  private async inForce(associationId: string, at: Date): Promise<ConventionVersion> {
    const version = await this.rules.versionInForce(associationId, at);
    if (!version) throw new DomainError('convention.none_in_force');
    return version;
  }
}
