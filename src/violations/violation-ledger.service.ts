import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { AssociationsService } from '../associations/associations.service';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import { formatPlate } from '../shared/plate';
import { associationToRead } from '../associations/scope';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger, LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { periodOf, yesNo } from '../common/ledger/ledger-words';
import { maskPlate } from '../common/masking';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import { articleLabel } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import type { Lang } from '../shared/i18n';
import type { Violation } from './violation';
import { type LedgerFilterQuery, violationFilter } from './violation-ledger-scope';
import { ViolationRepository } from './violation.repository';
import { ACTION_WORDS, APPEAL_WORDS, KIND_WORDS } from './violation-words';
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
type ColumnKey = (typeof VIOLATION_LEDGER_COLUMNS)[number];

/** The workbook's columns; `council` ones are what the street office's list does not show. */
const XLSX_COLUMNS: readonly (LedgerColumn & { key: ColumnKey; council?: true })[] = [
  {
    key: 'occurredAt',
    header: { 'zh-CN': '发生时间', en: 'Occurred' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'kind', header: { 'zh-CN': '类型', en: 'Kind' }, width: 16 },
  { key: 'plate', header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { key: 'household', header: { 'zh-CN': '门牌', en: 'Household' }, width: 18, council: true },
  { key: 'place', header: { 'zh-CN': '地点', en: 'Place' }, width: 24 },
  { key: 'article', header: { 'zh-CN': '公约条款', en: 'Article' }, width: 10 },
  { key: 'step', header: { 'zh-CN': '第几次', en: 'Step' }, width: 7, kind: 'number' },
  { key: 'action', header: { 'zh-CN': '处理', en: 'Action' }, width: 12 },
  {
    key: 'suspendedUntil',
    header: { 'zh-CN': '停车证暂停至', en: 'Suspended until' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'recordedBy', header: { 'zh-CN': '记录人', en: 'Recorded by' }, width: 10, council: true },
  {
    key: 'recorderOnDuty',
    header: { 'zh-CN': '记录人当班', en: 'Recorder on duty' },
    width: 10,
    council: true,
  },
  { key: 'appealStatus', header: { 'zh-CN': '申诉', en: 'Appeal' }, width: 18 },
  {
    key: 'appealReason',
    header: { 'zh-CN': '申诉理由', en: 'Appeal reason' },
    width: 30,
    council: true,
  },
  { key: 'appealNote', header: { 'zh-CN': '书面答复', en: 'Written answer' }, width: 30 },
  {
    key: 'conventionVersion',
    header: { 'zh-CN': '公约版本', en: 'Convention version' },
    width: 10,
    kind: 'number',
    council: true,
  },
];

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

  async exportCsv(actor: Actor, query: LedgerFilterQuery & { associationId?: string } = {}) {
    const { id, council } = this.readerOf(actor, query.associationId);
    // Places, names, addresses and appeals are typed by people: a spreadsheet must never run them.
    const text = (value: string | null | undefined) => spreadsheetSafe(value ?? '');
    const body: string[][] = [];
    for await (const batch of this.violations.inLedgerOrder(violationFilter(id, query))) {
      const names = await this.namesFor(batch, council);
      for (const r of batch) {
        body.push([
          r.occurredAt.toISOString(),
          r.kind,
          text(council ? formatPlate(r.plate) : maskPlate(r.plate)),
          text(council && r.householdId ? names.addresses.get(r.householdId) : ''),
          text(r.place),
          r.articleNumber ? articleLabel(r.articleNumber) : '',
          String(r.step),
          r.action,
          r.suspendedUntil?.toISOString() ?? '',
          text(council && r.recordedBy ? names.recorders.get(r.recordedBy) : ''),
          !council || r.recorderOnDuty === null ? '' : String(r.recorderOnDuty),
          r.appealStatus,
          text(council ? r.appealReason : ''),
          text(r.appealNote),
          council && r.versionId ? String(names.versions.get(r.versionId) ?? '') : '',
        ]);
      }
    }
    // The CSV has always been oldest first; the batches come newest first.
    body.reverse();
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([[...VIOLATION_LEDGER_COLUMNS], ...body]);
  }

  /**
   * The ledger as a workbook: the rows the reader's list shows, with the same filters, newest
   * first, read in batches as the download goes. Only the council's copy names households,
   * recorders and appellants' reasons.
   */
  async workbook(
    actor: Actor,
    query: LedgerFilterQuery & { associationId?: string },
    lang: Lang,
  ): Promise<Ledger> {
    const { id, council } = this.readerOf(actor, query.associationId);
    const association = await this.associations.readable(actor, id);
    const columns = XLSX_COLUMNS.filter((c) => council || !c.council);
    const batches = this.violations.inLedgerOrder(violationFilter(id, query));
    const cellsOf = (r: Violation, names: Names): Record<ColumnKey, LedgerCell> => ({
      occurredAt: r.occurredAt,
      kind: KIND_WORDS[r.kind][lang],
      plate: council ? formatPlate(r.plate) : maskPlate(r.plate),
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

  private readerOf(actor: Actor, associationId?: string): { id: string; council: boolean } {
    const id = associationToRead(actor, associationId);
    if (!canReadLedger(actor, id)) throw new DomainError('violation.ledger_readers');
    // The street office reads the ledger; plates and addresses stay with the council.
    return { id, council: seesLedgerDetails(actor, id) };
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
