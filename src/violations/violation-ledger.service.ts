import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import { articleLabel } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { ViolationRepository } from './violation.repository';
import { canReadLedger, seesLedgerDetails } from './violations.policy';

export const VIOLATION_LEDGER_COLUMNS = [
  'occurredAt',
  'kind',
  'plate',
  'household',
  'place',
  'article',
  'step',
  'action',
  'suspendedUntil',
  'recordedBy',
  'recorderOnDuty',
  'appealStatus',
  'appealReason',
  'appealNote',
  'conventionVersion',
] as const;

/** 台账 of violations, persuasion to suspension, with every appeal and its answer; and its figures. */
@Injectable()
export class ViolationLedgerService {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly households: HouseholdsService,
    private readonly members: MembersService,
    private readonly conventions: ConventionRulesService,
  ) {}

  async exportCsv(actor: Actor, associationId?: string): Promise<string> {
    const id = associationToRead(actor, associationId);
    if (!canReadLedger(actor, id)) throw new DomainError('violation.ledger_readers');
    // The street office reads the ledger; plates and addresses stay with the council.
    const council = seesLedgerDetails(actor, id);
    const rows = await this.violations.allOf(id);
    const [addresses, recorders, versions] = await Promise.all([
      this.households.addressesOf(rows.flatMap((r) => (r.householdId ? [r.householdId] : []))),
      this.members.namesOf(rows.flatMap((r) => (r.recordedBy ? [r.recordedBy] : []))),
      this.conventions.versionNumbersOf(rows.flatMap((r) => (r.versionId ? [r.versionId] : []))),
    ]);
    // Places, names, addresses and appeals are typed by people: a spreadsheet must never run them.
    const text = (value: string | null | undefined) => spreadsheetSafe(value ?? '');
    const body = rows.map((r) => [
      r.occurredAt.toISOString(),
      r.kind,
      text(council ? formatPlate(r.plate) : maskPlate(r.plate)),
      text(council && r.householdId ? addresses.get(r.householdId) : ''),
      text(r.place),
      r.articleNumber ? articleLabel(r.articleNumber) : '',
      r.step,
      r.action,
      r.suspendedUntil?.toISOString() ?? '',
      text(r.recordedBy ? recorders.get(r.recordedBy) : ''),
      r.recorderOnDuty === null ? '' : String(r.recorderOnDuty),
      r.appealStatus,
      text(council ? r.appealReason : ''),
      text(r.appealNote),
      r.versionId ? (versions.get(r.versionId) ?? '') : '',
    ]);
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([[...VIOLATION_LEDGER_COLUMNS], ...body]);
  }

  /**
   * Counts by Asia/Shanghai month and kind over the twelve months before `now`, for the public
   * board: no plates, no households. Overturned violations do not count.
   */
  monthlyStatistics(
    associationId: string,
    now: Date,
  ): Promise<{ month: string; kind: string; count: number }[]> {
    return this.violations.monthlyCounts(associationId, now);
  }
}
