import { Injectable } from '@nestjs/common';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { Tx } from '../database/transactions';
import type { PaymentQuery } from './dto/payment.dto';
import type { NewPayment, Payment } from './payment';
import { PaymentRepository } from './payment.repository';
import { keepsAccountsOf } from './payments.policy';
import type { PaymentResponse } from '../shared/api/payments';

/**
 * The payment ledger (收费台账). Permits and standing allocations record a payment here inside
 * their own transaction, as they add it to what their holder has paid: both commit, or neither.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly households: HouseholdsService,
    private readonly members: MembersService,
  ) {}

  /** For permits and sharing, with their transaction; who may record is their policy's call. */
  record(payment: NewPayment, tx: Tx): Promise<Payment> {
    return this.payments.insert(payment, tx);
  }

  async ledger(actor: Actor, query: PaymentQuery): Promise<Page<PaymentResponse>> {
    const associationId = associationToRead(actor, query.associationId);
    if (!keepsAccountsOf(actor, associationId)) throw new DomainError('payment.council_only');
    const [rows, total] = await this.payments.page(
      {
        associationId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      skipOf(query),
      query.pageSize,
    );
    const [addresses, names] = await Promise.all([
      this.households.addressesOf(rows.flatMap((r) => (r.householdId ? [r.householdId] : []))),
      this.members.namesOf(rows.flatMap((r) => (r.recordedBy ? [r.recordedBy] : []))),
    ]);
    return pageOf(
      rows.map((r) => toPaymentView(r, addresses, names)),
      total,
      query,
    );
  }
}

function toPaymentView(
  p: Payment,
  addresses: Map<string, string>,
  names: Map<string, string>,
): PaymentResponse {
  return {
    id: p.id,
    recordedAt: p.recordedAt.toISOString(),
    subject: 'permitId' in p.subject ? 'permit' : 'allocation',
    permitId: 'permitId' in p.subject ? p.subject.permitId : null,
    allocationId: 'allocationId' in p.subject ? p.subject.allocationId : null,
    reference: p.reference,
    plate: formatPlate(p.plate),
    household: p.householdId ? (addresses.get(p.householdId) ?? null) : null,
    amountCny: p.amountCny,
    method: p.method,
    receiptNumber: p.receiptNumber,
    note: p.note,
    recordedBy: p.recordedBy ? (names.get(p.recordedBy) ?? null) : null,
  };
}
