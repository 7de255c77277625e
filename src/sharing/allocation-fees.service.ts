import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { RecordPaymentDto } from '../payments/dto/payment.dto';
import { keepsAccountsOf } from '../payments/payments.policy';
import { PaymentsService } from '../payments/payments.service';
import { toAllocationView } from './allocations.service';
import { canReadAllocation } from './sharing.policy';
import { StandingAllocationRepository } from './standing-allocation.repository';
import type { AllocationResponse } from '../shared/api/sharing';

/**
 * Fees of standing places: an admitted place owes its offer's monthly fee (set at admission);
 * the council records what is paid, as a row of the payment ledger and on the place itself,
 * in one transaction.
 */
@Injectable()
export class AllocationFeesService {
  constructor(
    private readonly allocations: StandingAllocationRepository,
    private readonly payments: PaymentsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async recordPayment(
    actor: Actor,
    id: string,
    dto: RecordPaymentDto,
  ): Promise<AllocationResponse> {
    const found = await this.allocations.find(id);
    const place = found && {
      householdId: found.household_id,
      associationId: found.association_id,
      residentUnitId: found.resident_unit_id,
    };
    if (!found || !place || !canReadAllocation(actor, place))
      throw DomainError.notFound('allocation', id);
    if (!keepsAccountsOf(actor, found.association_id))
      throw new DomainError('payment.council_only');
    const row = await this.transactions.run(async (tx) => {
      const row = await this.allocations.lockForPayment(tx, id);
      if (row?.status !== 'admitted') throw new DomainError('payment.allocation_not_admitted');
      await this.payments.record(
        {
          associationId: row.association_id,
          subject: { allocationId: row.id },
          householdId: row.household_id,
          plate: row.plate,
          reference: row.offer_title,
          amountCny: dto.amountCny,
          method: dto.method ?? 'cash',
          receiptNumber: dto.receiptNumber ?? null,
          note: dto.note ?? '',
          recordedBy: actor.memberId,
          recordedAt: this.clock.now(),
        },
        tx,
      );
      await this.allocations.addPaid(tx, id, dto.amountCny);
      return (await this.allocations.find(id, tx))!;
    });
    return toAllocationView(row, actor);
  }
}
