import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { shanghaiDate } from '../common/shanghai-time';
import type { Lang } from '../shared/i18n';
import type { RosterPeriodQuery } from './dto/roster.dto';
import type { Interval } from './coverage';
import { periodOf } from './period';
import {
  HOURS_LEDGER_COLUMNS,
  hoursLedgerRows,
  ROSTER_LEDGER_COLUMNS,
  rosterLedgerRow,
} from './roster-ledger-columns';
import { DutyShiftRepository } from './duty-shift.repository';
import { canExportRoster } from './rosters.policy';

/** 台账: the roster with sign-ins, and the hours ledger per person, as CSV or workbook. */
@Injectable()
export class RosterLedgerService {
  constructor(
    private readonly shifts: DutyShiftRepository,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The roster (值班表) as the list shows it for the period: every shift overlapping it, one row
   * per person on it (a shift nobody is on is a row too), in the list's order, read in batches.
   */
  async roster(actor: Actor, query: RosterPeriodQuery, lang: Lang): Promise<Ledger> {
    const { associationId, period, keeper } = await this.read(actor, query);
    const batches = this.shifts.ledgerInOrder(associationId, period, 'overlapping');
    const now = this.clock.now();
    return {
      title: { 'zh-CN': '值班表', en: 'Duty roster' },
      keeper,
      period: periodWords(period, lang),
      columns: ROSTER_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches)
          for (const r of batch) yield rosterLedgerRow(r, now, lang);
      })(),
    };
  }

  /** Hours per person over the shifts starting in the period (a shift counts in one period). */
  async hours(actor: Actor, query: RosterPeriodQuery, lang: Lang): Promise<Ledger> {
    const { associationId, period, keeper } = await this.read(actor, query);
    const batches = this.shifts.ledgerInOrder(associationId, period, 'starting');
    return {
      title: { 'zh-CN': '值班工时台账', en: 'Duty hours ledger' },
      keeper,
      period: periodWords(period, lang),
      columns: HOURS_LEDGER_COLUMNS,
      rows: await hoursLedgerRows(batches, this.clock.now(), lang),
    };
  }

  private async read(actor: Actor, query: RosterPeriodQuery) {
    const associationId = associationToRead(actor, query.associationId);
    if (!canExportRoster(actor, associationId)) throw new DomainError('role.forbidden');
    const period = periodOf(query.from, query.to, 366);
    const association = await this.associations.readable(actor, associationId);
    return { associationId, period, keeper: association.name };
  }
}

/** "2026-11-01 至 2026-11-30": the last day shown is the one the period ends in. */
function periodWords(period: Interval, lang: Lang): string {
  const last = shanghaiDate(new Date(period.to.getTime() - 1));
  return `${shanghaiDate(period.from)}${lang === 'en' ? ' to ' : ' 至 '}${last}`;
}
