import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import { normalisePlate } from '../../associations/plate';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { permitsConfig, type PermitsConfig } from '../../config';
import { Permit } from '../permit.entity';
import { judge } from '../verdict';

const HOUR_MS = 3_600_000;

/**
 * Residents as co-monitors: "is this plate allowed in our lane now?" Yes or no, nothing more
 * (no holder, no household, no dates), and only so many questions an hour, so nobody can use
 * it to follow a neighbour's car.
 */
@Injectable()
export class PlateCheckService {
  constructor(
    @InjectRepository(Permit) private readonly permits: Repository<Permit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly associations: AssociationsService,
    @Inject(permitsConfig.KEY) private readonly config: PermitsConfig,
    private readonly clock: Clock,
  ) {}

  async isAllowed(actor: Actor, plate: string, laneId?: string): Promise<{ allowed: boolean }> {
    if (laneId) {
      const lane = await this.associations.readableLane(actor, laneId);
      if (lane.associationId !== actor.associationId) throw DomainError.notFound('lane', laneId);
    }
    const now = this.clock.now();
    await this.countQuestion(actor, now);
    const candidates = await this.permits.find({
      where: { associationId: actor.associationId, plate: normalisePlate(plate) },
      take: 10,
    });
    const place = { associationId: actor.associationId, laneId: laneId ?? null };
    return {
      allowed: candidates.some((p) => judge({ permit: p, place, at: now }).verdict === 'valid'),
    };
  }

  private async countQuestion(actor: Actor, now: Date): Promise<void> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM plate_check WHERE member_id = $1 AND at > $2`,
      [actor.memberId, new Date(now.getTime() - HOUR_MS)],
    );
    const limit = this.config.plateChecksPerHour;
    if (Number(rows[0]?.count ?? 0) >= limit) {
      throw new DomainError('plate_check.too_many', { limit });
    }
    await this.dataSource.query(`INSERT INTO plate_check (member_id, at) VALUES ($1, $2)`, [
      actor.memberId,
      now,
    ]);
  }
}
