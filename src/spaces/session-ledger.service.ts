import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import { OccupancyRepository } from './occupancy.repository';
import { ledgerAccess } from './spaces.policy';

const COLUMNS = [
  'space',
  'plate',
  'visitor',
  'checkedInAt',
  'checkedOutAt',
  'minutes',
  'checkedInBy',
  'checkedOutBy',
  'source',
  'recorderOnDuty',
];
const MAX_ROWS = 100_000;

/** 停车台账: every occupancy session of a lane, as CSV for the council's spreadsheets. */
@Injectable()
export class SessionLedgerService {
  constructor(
    private readonly sessions: OccupancyRepository,
    private readonly associations: AssociationsService,
    private readonly members: MembersService,
  ) {}

  async exportCsv(actor: Actor, laneId: string, from?: Date, to?: Date): Promise<string> {
    const lane = await this.associations.readableLane(actor, laneId);
    const access = ledgerAccess(actor, lane.associationId);
    if (!access) throw new DomainError('council.only');
    const rows = await this.sessions.ledger(laneId, { from, to }, MAX_ROWS);
    const names = await this.members.namesOf(
      rows.flatMap((r) => (r.checkedOutBy ? [r.checkedInBy, r.checkedOutBy] : [r.checkedInBy])),
    );
    const plate = access === 'full' ? formatPlate : maskPlate;
    const body = rows.map((r) => [
      // Plates, codes and names are typed by people: a leading = + - @ must stay text.
      spreadsheetSafe(r.code),
      spreadsheetSafe(plate(r.plate)),
      r.vehicleId === null ? 'true' : 'false',
      r.startedAt.toISOString(),
      r.endedAt?.toISOString() ?? '',
      r.endedAt ? String(Math.round((r.endedAt.getTime() - r.startedAt.getTime()) / 60000)) : '',
      spreadsheetSafe(names.get(r.checkedInBy) ?? ''),
      spreadsheetSafe(r.checkedOutBy ? (names.get(r.checkedOutBy) ?? '') : ''),
      r.source,
      // Empty where no warden recorded the check-in (a resident at the sticker, the council).
      r.recorderOnDuty === null ? '' : String(r.recorderOnDuty),
    ]);
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([COLUMNS, ...body]);
  }
}
