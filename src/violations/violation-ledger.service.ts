import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger, LedgerCell } from '../common/ledger/ledger-workbook';
import { periodOf, yesNo } from '../common/ledger/ledger-words';
import { maskPlate } from '../common/masking';
import { articleLabel } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import type { Lang } from '../shared/i18n';
import type { Violation } from './violation';
import { mayReadPlate } from '../associations/views';
import { type ColumnKey, HIDDEN_FROM, VIOLATION_LEDGER_COLUMNS } from './violation-ledger-columns';
import {
  type LedgerFilterQuery,
  violationFilter,
  violationReaderOf,
} from './violation-ledger-scope';
import { ViolationRepository } from './violation.repository';
import { ACTION_WORDS, APPEAL_WORDS, KIND_WORDS } from './violation-words';
import { canListViolations } from './violations.policy';

/** 台账 of violations, persuasion to suspension, with every appeal and its answer; and its figures. */
@Injectable()
export class ViolationLedgerService {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly associations: AssociationsService,
    private readonly households: HouseholdsService,
    private readonly members: MembersService,
    private readonly conventions: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  /**
   * The ledger (CSV or workbook): the rows the reader's list shows, with the same filters,
   * newest first, read in batches as the download goes (a warden: the association's; a resident:
   * their household's). Only the council's copy names households, recorders and versions; the
   * street office's leaves out appellants' reasons too, as its list does.
   */
  async ledger(
    actor: Actor,
    query: LedgerFilterQuery & { associationId?: string },
    lang: Lang,
  ): Promise<Ledger> {
    if (!canListViolations(actor)) throw new DomainError('violation.units_cannot_read');
    const id = associationToRead(actor, query.associationId);
    const reader = violationReaderOf(actor, id);
    const council = reader.sight === 'council';
    const association = await this.associations.readable(actor, id);
    const hidden = HIDDEN_FROM[reader.sight];
    const columns = VIOLATION_LEDGER_COLUMNS.filter((c) => !hidden.has(c.key));
    const batches: AsyncIterable<Violation[]> =
      reader.household === null
        ? (async function* () {})()
        : this.violations.inLedgerOrder(violationFilter(id, query, reader.household));
    // Plates as the reader's list shows them: the street office's masked, a member's as
    // `toViolationView` decides (the association's staff and the household in full).
    const plateOf = (r: Violation) =>
      council ||
      (reader.sight === 'member' &&
        mayReadPlate(actor, { householdId: r.householdId ?? '', associationId: id }))
        ? formatPlate(r.plate)
        : maskPlate(r.plate);
    const cellsOf = (r: Violation, names: Names): Record<ColumnKey, LedgerCell> => ({
      occurredAt: r.occurredAt,
      kind: KIND_WORDS[r.kind][lang],
      plate: plateOf(r),
      household: r.householdId ? names.addresses.get(r.householdId) : '',
      place: r.place,
      article: r.articleNumber ? articleLabel(r.articleNumber) : '',
      step: r.step,
      action: ACTION_WORDS[r.action][lang],
      suspendedUntil: r.suspendedUntil,
      recordedBy: r.recordedBy ? names.recorders.get(r.recordedBy) : '',
      recorderOnDuty: yesNo(r.recorderOnDuty, lang),
      appealStatus: APPEAL_WORDS[r.appealStatus][lang],
      appealReason: r.appealReason,
      appealNote: r.appealNote,
      conventionVersion: r.versionId ? names.versions.get(r.versionId) : null,
    });
    const namesFor = (batch: Violation[]) => this.namesFor(batch, council);
    return {
      title: { 'zh-CN': '违章台账', en: 'Violation ledger' },
      keeper: association.name,
      period: periodOf(query.month, this.clock.now(), lang),
      columns,
      rows: (async function* () {
        for await (const batch of batches) {
          const names = await namesFor(batch);
          for (const r of batch) {
            const cells = cellsOf(r, names);
            yield columns.map((c) => cells[c.key]);
          }
        }
      })(),
    };
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

  private async namesFor(rows: Violation[], council: boolean): Promise<Names> {
    if (!council) return { addresses: new Map(), recorders: new Map(), versions: new Map() };
    const [addresses, recorders, versions] = await Promise.all([
      this.households.addressesOf(rows.flatMap((r) => (r.householdId ? [r.householdId] : []))),
      this.members.namesOf(rows.flatMap((r) => (r.recordedBy ? [r.recordedBy] : []))),
      this.conventions.versionNumbersOf(rows.flatMap((r) => (r.versionId ? [r.versionId] : []))),
    ]);
    return { addresses, recorders, versions };
  }
}

interface Names {
  addresses: Map<string, string>;
  recorders: Map<string, string>;
  versions: Map<string, number>;
}
