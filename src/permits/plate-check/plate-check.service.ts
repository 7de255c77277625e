import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import { normalisePlate } from '../../shared/plate';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { permitsConfig, type PermitsConfig } from '../../config';
import { Transactions } from '../../database/transactions';
import { PermitRepository } from '../permit.repository';
import { judge } from '../verdict';
import { PlateCheckRepository } from './plate-check.repository';

const HOUR_MS = 3_600_000;

/**
 * Residents as co-monitors: "is this plate allowed in our lane now?" Yes or no, nothing more
 * (no holder, no household, no dates), and only so many questions an hour, so nobody can use
 * it to follow a neighbour's car.
 */
@Injectable()
export class PlateCheckService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly checks: PlateCheckRepository,
    private readonly associations: AssociationsService,
    private readonly transactions: Transactions,
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
    const candidates = await this.permits.findByPlate(
      actor.associationId,
      normalisePlate(plate),
      10,
    );
    const place = { associationId: actor.associationId, laneId: laneId ?? null };
    return {
      allowed: candidates.some((p) => judge({ permit: p, place, at: now }).verdict === 'valid'),
    };
  }

  private async countQuestion(actor: Actor, now: Date): Promise<void> {
    const limit = this.config.plateChecksPerHour;
    await this.transactions.run(async (tx) => {
      await this.checks.lockMember(actor.memberId, tx);
      const asked = await this.checks.countSince(
        actor.memberId,
        new Date(now.getTime() - HOUR_MS),
        tx,
      );
      if (asked >= limit) throw new DomainError('plate_check.too_many', { limit });
      await this.checks.record(actor.memberId, now, tx);
    });
  }
}
