import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { shanghaiDateTime } from '../common/shanghai-time';
import { maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import type { SessionListQuery, SessionPeriodQuery, SessionView } from './dto/session-ledger.dto';
import { type LedgerRow, OccupancyRepository } from './occupancy.repository';
import { SESSION_LEDGER_COLUMNS, sessionLedgerRow } from './session-ledger-columns';
import { ledgerAccess } from './spaces.policy';

/**
 * 停车台账: every occupancy session of a lane, for the council (and, plates masked, the street
 * office): as a list a page at a time, and as CSV or workbook with exactly the list's rows.
 */
@Injectable()
export class SessionLedgerService {
  constructor(
    private readonly sessions: OccupancyRepository,
    private readonly associations: AssociationsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, laneId: string, query: SessionListQuery): Promise<Page<SessionView>> {
    const { plateOf } = await this.reader(actor, laneId);
    const { rows, total } = await this.sessions.page(
      laneId,
      periodOf(query),
      skipOf(query),
      query.pageSize,
    );
    const names = await this.namesOf(rows);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : null);
    return pageOf(
      rows.map((r) => ({
        spaceCode: r.code,
        plate: plateOf(r.plate),
        visitor: r.vehicleId === null,
        startedAt: r.startedAt.toISOString(),
        endedAt: r.endedAt?.toISOString() ?? null,
        checkedInBy: nameOf(r.checkedInBy) ?? '',
        checkedOutBy: nameOf(r.checkedOutBy),
        source: r.source,
        recorderOnDuty: r.recorderOnDuty,
      })),
      total,
      query,
    );
  }

  /** The list's rows in its order, read in batches as the download goes. */
  async ledger(
    actor: Actor,
    laneId: string,
    query: SessionPeriodQuery,
    lang: Lang,
  ): Promise<Ledger> {
    const { lane, association, plateOf } = await this.reader(actor, laneId);
    const period = periodOf(query);
    const batches = this.sessions.inLedgerOrder(laneId, period);
    const namesOf = (rows: LedgerRow[]) => this.namesOf(rows);
    const to_ = lang === 'en' ? ' to ' : ' 至 ';
    return {
      title: { 'zh-CN': '停车台账', en: 'Parking ledger' },
      keeper: association.name,
      // The lane's name is people's text: it goes on the title row, never in the sheet's name.
      period: `${lane.name} ${period.from ? shanghaiDateTime(period.from) : ''}${to_}${shanghaiDateTime(period.to ?? this.clock.now())}`,
      columns: SESSION_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const rows of batches) {
          const names = await namesOf(rows);
          const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');
          for (const r of rows) yield sessionLedgerRow(r, plateOf(r.plate), nameOf, lang);
        }
      })(),
    };
  }

  private async reader(actor: Actor, laneId: string) {
    const lane = await this.associations.readableLane(actor, laneId);
    const access = ledgerAccess(actor, lane.associationId);
    if (!access) throw new DomainError('council.only');
    const association = await this.associations.readable(actor, lane.associationId);
    const plateOf = access === 'full' ? formatPlate : maskPlate;
    return { lane, association, plateOf };
  }

  private namesOf(rows: LedgerRow[]): Promise<Map<string, string>> {
    return this.members.namesOf(
      rows.flatMap((r) => (r.checkedOutBy ? [r.checkedInBy, r.checkedOutBy] : [r.checkedInBy])),
    );
  }
}

function periodOf(query: SessionPeriodQuery): { from?: Date; to?: Date } {
  return {
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
  };
}
