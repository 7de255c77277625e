import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger, LedgerCell } from '../common/ledger/ledger-workbook';
import { spanOf } from '../common/ledger/ledger-words';
import type { Lang } from '../shared/i18n';
import { formatPlate } from '../shared/plate';
import type { PaymentLedgerQuery } from './dto/payment.dto';
import type { Payment } from './payment';
import {
  METHOD_WORDS,
  PAYMENT_LEDGER_COLUMNS,
  type PaymentColumnKey,
  SUBJECT_WORDS,
} from './payment-ledger-columns';
import { PaymentRepository } from './payment.repository';
import { keepsAccountsOf } from './payments.policy';

/** 收费台账 as CSV or workbook: the council's list, every row, read in batches as it downloads. */
@Injectable()
export class PaymentLedgerService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly associations: AssociationsService,
    private readonly households: HouseholdsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async ledger(actor: Actor, query: PaymentLedgerQuery, lang: Lang): Promise<Ledger> {
    const associationId = associationToRead(actor, query.associationId);
    if (!keepsAccountsOf(actor, associationId)) throw new DomainError('payment.council_only');
    const association = await this.associations.readable(actor, associationId);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const batches = this.payments.inLedgerOrder({ associationId, from, to });
    const households = this.households;
    const members = this.members;
    const cellsOf = (
      p: Payment,
      addresses: Map<string, string>,
      names: Map<string, string>,
    ): Record<PaymentColumnKey, LedgerCell> => ({
      recordedAt: p.recordedAt,
      subject: SUBJECT_WORDS['permitId' in p.subject ? 'permit' : 'allocation'][lang],
      reference: p.reference,
      plate: formatPlate(p.plate),
      household: p.householdId ? addresses.get(p.householdId) : '',
      amountCny: p.amountCny,
      method: METHOD_WORDS[p.method][lang],
      receiptNumber: p.receiptNumber,
      note: p.note,
      recordedBy: p.recordedBy ? names.get(p.recordedBy) : '',
    });
    return {
      title: { 'zh-CN': '收费台账', en: 'Payment ledger' },
      keeper: association.name,
      period: spanOf(from, to, this.clock.now(), lang),
      columns: PAYMENT_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches) {
          const [addresses, names] = await Promise.all([
            households.addressesOf(batch.flatMap((r) => (r.householdId ? [r.householdId] : []))),
            members.namesOf(batch.flatMap((r) => (r.recordedBy ? [r.recordedBy] : []))),
          ]);
          for (const p of batch) {
            const cells = cellsOf(p, addresses, names);
            yield PAYMENT_LEDGER_COLUMNS.map((c) => cells[c.key]);
          }
        }
      })(),
    };
  }
}
