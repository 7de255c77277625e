import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { periodOf } from '../common/ledger/ledger-words';
import { Transactions, type Tx } from '../database/transactions';
import type { Lang, Params } from '../shared/i18n';
import { CONSTRAINT_REASONS, type Reason, renderReason } from '../shared/reasons';
import {
  canExportLedger,
  canManageAssociation,
  householdListScope,
  mayReadPhone,
  mayReadPlate,
  memberChangeRefusal,
  needsResidentUnit,
} from './associations.policy';
import { AssociationRepository } from './association.repository';
import { HOUSEHOLD_LEDGER_COLUMNS, householdLedgerRow } from './household-ledger-columns';
import { HouseholdRepository, type LedgerRow } from './household.repository';
import {
  canonicalColumn,
  fromSpreadsheet,
  LedgerCellError,
  type LedgerInputRow,
  parseColor,
  parseFlag,
  parseRole,
} from './ledger-csv';
import { LaneRepository } from './lane.repository';
import { type Member, MemberRepository } from './member.repository';
import { MembersService } from './members.service';
import { parsePlate } from '../shared/plate';
import { associationToRead } from './scope';
import { VehicleRepository } from './vehicle.repository';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  accepted: number;
  householdsCreated: number;
  membersCreated: number;
  membersUpdated: number;
  vehiclesCreated: number;
  /** Each refused row: a stable reason, its params, and the message in the request's language. */
  rejected: { row: number; reason: Reason; params?: Params; message: string }[];
}

type RowCounts = Pick<
  ImportReport,
  'householdsCreated' | 'membersCreated' | 'membersUpdated' | 'vehiclesCreated'
>;

const MAX_ROWS = 5000;

/** A row the import refuses, with the reason the report gives. */
class RowRefused extends Error {
  constructor(
    readonly reason: Reason,
    readonly params: Params = {},
  ) {
    super(reason);
  }
}

/** 台账: households, members and vehicles as one ledger, out as CSV or workbook, in as CSV. */
@Injectable()
export class HouseholdLedgerService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly members: MemberRepository,
    private readonly memberChanges: MembersService,
    private readonly vehicles: VehicleRepository,
    private readonly lanes: LaneRepository,
    private readonly transactions: Transactions,
    private readonly associations: AssociationRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The ledger (CSV or workbook): headers in the reader's language, values in words; the list's
   * households in its order (a resident's own, as the list), read in batches as the download
   * goes; phones and plates masked as the household pages mask them for this reader.
   */
  async ledger(actor: Actor, lang: Lang, associationId?: string): Promise<Ledger> {
    const id = associationToRead(actor, associationId);
    if (!canExportLedger(actor, id)) throw new DomainError('forbidden');
    const scope = householdListScope(actor);
    const association = await this.associations.byId(id);
    const batches = this.households.ledgerInOrder(
      id,
      scope === 'all' ? undefined : scope.householdId,
    );
    const sightOf = (row: LedgerRow) => ({
      phone:
        !!row.member_id &&
        mayReadPhone(actor, {
          id: row.member_id,
          householdId: row.household_id,
          associationId: id,
        }),
      plate: mayReadPlate(actor, { householdId: row.household_id, associationId: id }),
    });
    return {
      title: { 'zh-CN': '住户台账', en: 'Household ledger' },
      keeper: association?.name ?? '',
      period: periodOf(undefined, this.clock.now(), lang),
      columns: HOUSEHOLD_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches) {
          for (const row of batch) yield householdLedgerRow(row, sightOf(row), lang);
        }
      })(),
    };
  }

  async importCsv(actor: Actor, csv: string, dryRun: boolean, lang: Lang): Promise<ImportReport> {
    if (!canManageAssociation(actor, actor.associationId)) throw new DomainError('council.only');
    const rows = parseRows(csv);
    const report: ImportReport = {
      dryRun,
      rows: rows.length,
      accepted: 0,
      householdsCreated: 0,
      membersCreated: 0,
      membersUpdated: 0,
      vehiclesCreated: 0,
      rejected: [],
    };
    await this.transactions
      .run(async (tx) => {
        for (const [index, row] of rows.entries()) {
          const counts: RowCounts = {
            householdsCreated: 0,
            membersCreated: 0,
            membersUpdated: 0,
            vehiclesCreated: 0,
          };
          try {
            await this.transactions.savepoint(tx, `ledger_row_${index}`, () =>
              this.importRow(tx, actor, row, counts),
            );
            report.accepted += 1;
            for (const key of Object.keys(counts) as (keyof RowCounts)[]) {
              report[key] += counts[key];
            }
          } catch (error) {
            const { reason, params } = refusalOf(error);
            report.rejected.push({
              row: index + 2, // the header is row 1
              reason,
              ...(Object.keys(params).length > 0 ? { params } : {}),
              message: renderReason(reason, params, lang),
            });
          }
        }
        if (dryRun) throw new DryRunDone();
      })
      .catch((error) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
    return report;
  }

  private async importRow(tx: Tx, actor: Actor, row: LedgerInputRow, counts: RowCounts) {
    const associationId = actor.associationId;
    const address = fromSpreadsheet(row.address?.trim());
    if (!address) throw new RowRefused('ledger.address_missing');
    const laneId = await this.laneNamed(tx, associationId, fromSpreadsheet(row.lane?.trim()));
    let household = await this.households.byAddress(associationId, address, tx);
    if (!household) {
      household = await this.households.insert(tx, associationId, address, laneId);
      counts.householdsCreated += 1;
    } else if (laneId && household.laneId !== laneId) {
      await this.households.update(tx, household.id, { address, laneId });
    }
    const member = await this.importMember(tx, actor, household.id, row, counts);
    if (!row.plate) return;
    const parsed = parsePlate(row.plate, row.plateColor ? parseColor(row.plateColor) : undefined);
    if (!parsed.ok) throw new RowRefused(parsed.reason);
    const existing = await this.vehicles.byPlate(associationId, parsed.plate, tx);
    if (existing && existing.householdId !== household.id) {
      throw new RowRefused('ledger.plate_elsewhere', { plate: parsed.plate });
    }
    if (existing) return;
    await this.vehicles.insert(tx, {
      associationId,
      householdId: household.id,
      ownerMemberId: member?.id ?? null,
      plate: parsed.plate,
      plateColor: parsed.color,
    });
    counts.vehiclesCreated += 1;
  }

  /** The lane a row names (an empty cell leaves the household's lane as it is). */
  private async laneNamed(tx: Tx, associationId: string, name: string | undefined) {
    if (!name) return null;
    const lane = await this.lanes.byName(associationId, name, tx);
    if (!lane) throw new RowRefused('ledger.lane_unknown', { lane: name });
    return lane.id;
  }

  private async importMember(
    tx: Tx,
    actor: Actor,
    householdId: string,
    row: LedgerInputRow,
    counts: RowCounts,
  ): Promise<Member | null> {
    const phone = row.phone?.replace(/\s|-/g, '');
    const name = fromSpreadsheet(row.name);
    if (!phone && !name) return null;
    if (!phone || !/^1\d{10}$/.test(phone)) throw new RowRefused('ledger.phone_invalid');
    if (!name) throw new RowRefused('ledger.name_missing');
    const role = parseRole(row.role);
    if (needsResidentUnit(role)) throw new RowRefused('ledger.unit_staff');
    const existing = await this.members.byPhone(phone, tx);
    if (!existing) {
      counts.membersCreated += 1;
      return this.members.insert(tx, {
        associationId: actor.associationId,
        householdId,
        name,
        phone,
        role,
        partyMember: parseFlag(row.partyMember),
        volunteer: parseFlag(row.volunteer),
        passwordHash: null,
      });
    }
    if (existing.associationId !== actor.associationId) {
      throw new RowRefused('ledger.phone_elsewhere');
    }
    const newRole = row.role ? role : existing.role;
    const refusal = newRole !== existing.role && memberChangeRefusal(actor, existing, ['role']);
    if (refusal) throw new RowRefused(refusal);
    counts.membersUpdated += 1;
    // Through MembersService: a new role or household ends the member's tokens, as in PATCH.
    return this.memberChanges.apply(tx, existing, {
      name,
      householdId,
      role: newRole,
      ...(row.partyMember ? { partyMember: parseFlag(row.partyMember) } : {}),
      ...(row.volunteer ? { volunteer: parseFlag(row.volunteer) } : {}),
    });
  }
}

class DryRunDone extends Error {}

function parseRows(csv: string): LedgerInputRow[] {
  let records: LedgerInputRow[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => canonicalColumn(h)),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new DomainError('ledger.invalid_csv', { line });
  }
  if (records.length > MAX_ROWS) throw new DomainError('ledger.too_many_rows', { max: MAX_ROWS });
  return records;
}

/** Why a row was refused, as a reason of the catalogue (never a constraint's name). */
function refusalOf(error: unknown): { reason: Reason; params: Params } {
  if (error instanceof RowRefused) return { reason: error.reason, params: error.params };
  if (error instanceof LedgerCellError)
    return { reason: error.reason, params: { value: error.value } };
  if (error instanceof DomainError) {
    return { reason: error.reason, params: error.params };
  }
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  const mapped = constraint ? CONSTRAINT_REASONS[constraint] : undefined;
  return { reason: mapped ?? 'ledger.row_rejected', params: {} };
}
