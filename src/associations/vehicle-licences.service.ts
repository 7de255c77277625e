import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { Lang } from '../shared/i18n';
import { parsePlate } from '../shared/plate';
import { type Reason, renderReason } from '../shared/reasons';
import { canManageAssociation } from './associations.policy';
import { HouseholdRepository } from './household.repository';
import { LaneRepository } from './lane.repository';
import { type LicenceFacts, VehicleRepository } from './vehicle.repository';
import {
  csvTable,
  LicenceFileRefused,
  type LicenceRow,
  licenceRowsOf,
  xlsxTable,
} from './vehicle-licence-rows';

export interface LicenceImportReport {
  rows: number;
  /** The owner on the licence is a member of the car's household. */
  matched: number;
  /** Recorded, but the owner is nobody of the household: such a car misses offers that ask it. */
  notInHousehold: { line: number; plate: string }[];
  rejected: { line: number; plate: string; reason: Reason; message: string }[];
}

/** A licence file as it arrived: CSV text or workbook bytes. */
export type LicenceFile = { kind: 'csv'; text: string } | { kind: 'xlsx'; bytes: Buffer };

/**
 * 行驶证: the council imports the owner's name on each car's licence and the register checks it
 * against the members of the car's household. Eligibility for shared places (a car registered to
 * a member of the household) reads the result through `eligibilityFacts`.
 */
@Injectable()
export class VehicleLicencesService {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly households: HouseholdRepository,
    private readonly lanes: LaneRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async importOwners(actor: Actor, file: LicenceFile, lang: Lang): Promise<LicenceImportReport> {
    if (!canManageAssociation(actor, actor.associationId)) throw new DomainError('council.only');
    const rows = await readRows(file);
    const report: LicenceImportReport = {
      rows: rows.length,
      matched: 0,
      notInHousehold: [],
      rejected: [],
    };
    const refuse = (row: LicenceRow, reason: Reason, params: Record<string, string> = {}) =>
      report.rejected.push({
        line: row.line,
        plate: row.plate,
        reason,
        message: renderReason(reason, params, lang),
      });
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      for (const row of rows) {
        if (!row.owner) {
          refuse(row, 'licence.owner_missing');
          continue;
        }
        const parsed = parsePlate(row.plate);
        if (!parsed.ok) {
          refuse(row, parsed.reason);
          continue;
        }
        const vehicle = await this.vehicles.byPlate(actor.associationId, parsed.plate, tx);
        if (!vehicle) {
          refuse(row, 'licence.plate_unknown', { plate: row.plate });
          continue;
        }
        const { matched } = await this.vehicles.setLicenceOwner(tx, vehicle.id, row.owner, now);
        if (matched) report.matched += 1;
        else report.notInHousehold.push({ line: row.line, plate: row.plate });
      }
    });
    return report;
  }

  /** For sharing's eligibility: the household's lane and its cars' plate colours and licences. */
  async eligibilityFacts(
    householdId: string,
  ): Promise<{ laneId: string | null; vehicles: LicenceFacts[] }> {
    const [laneId, vehicles] = await Promise.all([
      this.households.laneOf(householdId),
      this.vehicles.licenceFactsOfHousehold(householdId),
    ]);
    return { laneId, vehicles };
  }

  /** For offers naming lanes: the association of each lane that exists. */
  async laneAssociations(ids: readonly string[]): Promise<Map<string, string>> {
    const lanes = await this.lanes.byIds([...new Set(ids)]);
    return new Map(lanes.map((lane) => [lane.id, lane.associationId]));
  }
}

async function readRows(file: LicenceFile): Promise<LicenceRow[]> {
  try {
    const table = file.kind === 'csv' ? csvTable(file.text) : await xlsxTable(file.bytes);
    return licenceRowsOf(table);
  } catch (error) {
    if (error instanceof LicenceFileRefused) {
      throw new DomainError(error.problem.reason, error.problem.params);
    }
    throw error;
  }
}
