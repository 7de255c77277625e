import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { Transactions, type Tx } from '../database/transactions';
import type { Permit, PermitActor, PermitChange } from './permit';
import { type PermitEventType, PermitEventRepository } from './permit-event.repository';
import { PermitRepository } from './permit.repository';
import { statusAt } from './permit-status';
import { canChangePermit, canReadPermit } from './permits.policy';
import { PermitChanged } from './permits.events';

/** One step decided on the locked permit: what it is, why, and what changes. */
export interface Step {
  type: PermitEventType;
  reason?: string;
  details?: Record<string, unknown>;
  set: PermitChange;
}

/**
 * How every lifecycle step is taken: under the permit's row lock, by someone the policy allows
 * (or the system), with its ledger row in the same transaction, and the household told after
 * commit.
 */
@Injectable()
export class PermitLifecycle {
  constructor(
    private readonly permits: PermitRepository,
    private readonly ledger: PermitEventRepository,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async transition(
    by: PermitActor,
    id: string,
    decide: (permit: Permit, now: Date, tx: Tx) => Promise<Step>,
    outer?: Tx,
  ): Promise<Permit> {
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.permits.lock(id, tx);
      if (!current) throw DomainError.notFound('permit', id);
      if (by !== 'system') {
        if (!canReadPermit(by, current)) throw DomainError.notFound('permit', id);
        if (!canChangePermit(by, current)) throw new DomainError('council.only');
      }
      const step = await decide(current, now, tx);
      const changed = await this.permits.update(current, step.set, now, tx);
      await this.ledger.record(
        {
          permitId: id,
          associationId: current.associationId,
          type: step.type,
          actorMemberId: by === 'system' ? null : by.memberId,
          reason: step.reason,
          details: step.details,
          at: now,
        },
        tx,
      );
      this.events.publish(
        tx,
        new PermitChanged(
          changed.id,
          changed.number,
          changed.associationId,
          changed.householdId,
          statusAt(changed, now),
        ),
      );
      return changed;
    }, outer);
  }

  /** Old permits past their end no longer hold the vehicle's one active slot. */
  async expireLapsed(permit: Permit, now: Date, tx: Tx): Promise<void> {
    for (const lapsedId of await this.permits.expireLapsed(permit, now, tx)) {
      await this.ledger.record(
        {
          permitId: lapsedId,
          associationId: permit.associationId,
          type: 'expired',
          actorMemberId: null,
          at: now,
        },
        tx,
      );
    }
  }
}
