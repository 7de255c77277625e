import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from './convention-rules.service';
import type { ConventionVersion } from './convention-version.entity';
import type { AcknowledgementsView } from './dto/version.view';

/** Members sign the version in force (签署); the council sees who has not yet. */
@Injectable()
export class AcknowledgementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  async acknowledge(actor: Actor): Promise<{ versionId: string; acknowledgedAt: Date }> {
    const now = this.clock.now();
    const version = await this.inForce(actor.associationId, now);
    // Signing twice keeps the first signature.
    await this.dataSource.query(
      `INSERT INTO convention_acknowledgement (version_id, member_id, acknowledged_at)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [version.id, actor.memberId, now],
    );
    const [row] = await this.dataSource.query<{ acknowledged_at: Date }[]>(
      `SELECT acknowledged_at FROM convention_acknowledgement WHERE version_id = $1 AND member_id = $2`,
      [version.id, actor.memberId],
    );
    return { versionId: version.id, acknowledgedAt: row!.acknowledged_at };
  }

  async status(actor: Actor): Promise<AcknowledgementsView> {
    assertCouncilOf(actor, actor.associationId);
    const version = await this.inForce(actor.associationId, this.clock.now());
    const [counted] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM convention_acknowledgement WHERE version_id = $1`,
      [version.id],
    );
    const pending: { id: string; name: string; address: string | null }[] =
      await this.dataSource.query(
        `SELECT m.id, m.name, h.address
           FROM member m JOIN household h ON h.id = m.household_id
          WHERE m.association_id = $1 AND m.active
            AND NOT EXISTS (SELECT 1 FROM convention_acknowledgement a
                             WHERE a.version_id = $2 AND a.member_id = m.id)
          ORDER BY h.address, m.name`,
        [actor.associationId, version.id],
      );
    return {
      versionId: version.id,
      versionNumber: version.number,
      acknowledged: Number(counted?.count ?? 0),
      pending: pending.map((p) => ({ memberId: p.id, name: p.name, address: p.address })),
    };
  }

  private async inForce(associationId: string, at: Date): Promise<ConventionVersion> {
    const version = await this.rules.versionInForce(associationId, at);
    if (!version) {
      throw new DomainError('convention.none_in_force');
    }
    return version;
  }
}
