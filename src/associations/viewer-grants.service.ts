import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { maskPhone } from '../common/masking';
import type { ViewerGrantView } from './dto/viewer-grant.dto';
import { assertCouncilOf } from './scope';

/**
 * A street office or community (role `viewer`) reads several associations: each council grants
 * it read access to its own. The grant reaches the viewer's token at their next login or refresh.
 */
@Injectable()
export class ViewerGrantsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor): Promise<ViewerGrantView[]> {
    assertCouncilOf(actor, actor.associationId);
    const rows: { member_id: string; name: string; phone: string; home: string }[] =
      await this.db.query(
        `SELECT m.id AS member_id, m.name, m.phone, a.name AS home
           FROM viewer_grant g JOIN member m ON m.id = g.member_id
           JOIN association a ON a.id = m.association_id
          WHERE g.association_id = $1 ORDER BY m.name`,
        [actor.associationId],
      );
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      phone: maskPhone(r.phone),
      homeAssociation: r.home,
    }));
  }

  async grant(actor: Actor, phone: string): Promise<ViewerGrantView> {
    assertCouncilOf(actor, actor.associationId);
    const rows: { id: string; name: string; phone: string; role: string; home: string }[] =
      await this.db.query(
        `SELECT m.id, m.name, m.phone, m.role, a.name AS home
           FROM member m JOIN association a ON a.id = m.association_id WHERE m.phone = $1`,
        [phone],
      );
    const viewer = rows[0];
    if (!viewer || viewer.role !== 'viewer') {
      throw DomainError.invalid(
        '只能授权街道或社区的只读账号 / only a viewer account (street office or community) can be granted read access',
      );
    }
    await this.db.query(
      `INSERT INTO viewer_grant (member_id, association_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [viewer.id, actor.associationId],
    );
    return {
      memberId: viewer.id,
      name: viewer.name,
      phone: maskPhone(viewer.phone),
      homeAssociation: viewer.home,
    };
  }

  async revoke(actor: Actor, memberId: string): Promise<void> {
    assertCouncilOf(actor, actor.associationId);
    const removed: unknown[] = await this.db.query(
      `WITH gone AS (DELETE FROM viewer_grant WHERE member_id = $1 AND association_id = $2 RETURNING 1)
       SELECT 1 FROM gone`,
      [memberId, actor.associationId],
    );
    if (removed.length === 0) throw DomainError.notFound('member', memberId);
  }
}
