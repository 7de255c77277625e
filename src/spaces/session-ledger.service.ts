import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { shanghaiDateTime } from '../common/shanghai-time';
import { maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import { OccupancyRepository } from './occupancy.repository';
import { SESSION_LEDGER_COLUMNS, sessionLedgerRow } from './session-ledger-columns';
import { ledgerAccess } from './spaces.policy';

const MAX_ROWS = 100_000;

/** 停车台账: every occupancy session of a lane, as CSV or workbook for the council. */
@Injectable()
export class SessionLedgerService {
  constructor(
    private readonly sessions: OccupancyRepository,
    private readonly associations: AssociationsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async ledger(actor: Actor, laneId: string, lang: Lang, from?: Date, to?: Date): Promise<Ledger> {
    const lane = await this.associations.readableLane(actor, laneId);
    const access = ledgerAccess(actor, lane.associationId);
    if (!access) throw new DomainError('council.only');
    const association = await this.associations.readable(actor, lane.associationId);
    const rows = await this.sessions.ledger(laneId, { from, to }, MAX_ROWS);
    const names = await this.members.namesOf(
      rows.flatMap((r) => (r.checkedOutBy ? [r.checkedInBy, r.checkedOutBy] : [r.checkedInBy])),
    );
    const plate = access === 'full' ? formatPlate : maskPlate;
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');
    const to_ = lang === 'en' ? ' to ' : ' 至 ';
    return {
      title: { 'zh-CN': '停车台账', en: 'Parking ledger' },
      keeper: association.name,
      // The lane's name is people's text: it goes on the title row, never in the sheet's name.
      period: `${lane.name} ${from ? shanghaiDateTime(from) : ''}${to_}${shanghaiDateTime(to ?? this.clock.now())}`,
      columns: SESSION_LEDGER_COLUMNS,
      rows: rows.map((r) => sessionLedgerRow(r, plate(r.plate), nameOf, lang)),
    };
  }
}
