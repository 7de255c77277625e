import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger, LedgerCell } from '../common/ledger/ledger-workbook';
import { periodOf } from '../common/ledger/ledger-words';
import { shanghaiMidnight } from '../common/shanghai-time';
import type { Lang } from '../shared/i18n';
import {
  CATEGORY_WORDS,
  DIRECTION_WORDS,
  FINANCE_LEDGER_COLUMNS,
  type FinanceColumnKey,
} from './finance-ledger-columns';
import { type FinanceEntry, FinanceEntryRepository } from './finance-entry.repository';
import { canReadFinanceLines } from './finance.policy';

/** 收支台账 as CSV or workbook: the lines the council and granted viewers list, in its order. */
@Injectable()
export class FinanceLedgerService {
  constructor(
    private readonly entries: FinanceEntryRepository,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async ledger(actor: Actor, requested: string | undefined, lang: Lang): Promise<Ledger> {
    const associationId = associationToRead(actor, requested);
    if (!canReadFinanceLines(actor, associationId)) throw new DomainError('council.only');
    const association = await this.associations.readable(actor, associationId);
    const batches = this.entries.inLedgerOrder(associationId);
    const cellsOf = (e: FinanceEntry): Record<FinanceColumnKey, LedgerCell> => ({
      occurredOn: shanghaiMidnight(e.occurredOn),
      direction: DIRECTION_WORDS[e.direction][lang],
      category: CATEGORY_WORDS[e.category]?.[lang] ?? e.category,
      amountCny: e.amountCny,
      receiptNo: e.receiptNo,
      note: e.note,
    });
    return {
      title: { 'zh-CN': '收支台账', en: 'Income and spending' },
      keeper: association.name,
      period: periodOf(undefined, this.clock.now(), lang),
      columns: FINANCE_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches) {
          for (const e of batch) {
            const cells = cellsOf(e);
            yield FINANCE_LEDGER_COLUMNS.map((c) => cells[c.key]);
          }
        }
      })(),
    };
  }
}
