import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger, LedgerColumn } from '../common/ledger/ledger-workbook';
import { spanOf, yesNo } from '../common/ledger/ledger-words';
import { PermitsService } from '../permits/permits.service';
import type { Lang } from '../shared/i18n';
import { formatPlate } from '../shared/plate';
import { verdictMessage } from '../shared/scans/verdict';
import type { ScanLedgerQuery } from './scan.dto';
import { ScanRepository } from './scan.repository';
import { keepsScanLedger } from './scans.policy';

/** The scan ledger's columns (扫码台账), one definition for its CSV and its workbook. */
export const SCAN_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '扫码时间', en: 'Scanned' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '结果', en: 'Verdict' }, width: 24 },
  { header: { 'zh-CN': '停车证号', en: 'Permit no.' }, width: 9, kind: 'number' },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '有效期至', en: 'Valid to' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '扫码人当班', en: 'Scanner on duty' }, width: 10 },
];

/** 扫码台账 as CSV or workbook: the list of scans over a period (council, wardens), read in batches. */
@Injectable()
export class ScanLedgerService {
  constructor(
    private readonly scans: ScanRepository,
    private readonly permits: PermitsService,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async ledger(actor: Actor, query: ScanLedgerQuery, lang: Lang): Promise<Ledger> {
    if (!keepsScanLedger(actor)) throw new DomainError('role.forbidden');
    const association = await this.associations.readable(actor, actor.associationId);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const batches = this.scans.inLedgerOrder({ associationId: actor.associationId, from, to });
    const permits = this.permits;
    return {
      title: { 'zh-CN': '扫码台账', en: 'Scan ledger' },
      keeper: association.name,
      period: spanOf(from, to, this.clock.now(), lang),
      columns: SCAN_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches) {
          const held = await permits.byIds(batch.flatMap((r) => (r.permitId ? [r.permitId] : [])));
          const byId = new Map(held.map((p) => [p.id, p]));
          for (const r of batch) {
            const permit = r.permitId ? byId.get(r.permitId) : undefined;
            yield [
              r.scannedAt,
              verdictMessage(r.cause, r.causeParams, lang),
              permit ? Number(permit.number) : null,
              permit ? formatPlate(permit.plate) : '',
              permit?.validTo ?? null,
              yesNo(r.recorderOnDuty, lang),
            ];
          }
        }
      })(),
    };
  }
}
