import type { Permit } from '../permits/permit';
import type { Lang } from '../shared/i18n';
import { formatPlate } from '../shared/plate';
import { verdictMessage } from '../shared/scans/verdict';
import type { ScanView } from './scan.dto';
import type { ScanRecord } from './scan.repository';

/** A recorded scan as the warden's phone and the council's list show it. */
export function toScanView(
  record: ScanRecord,
  permit: Permit | null,
  replayed: boolean,
  lang: Lang,
): ScanView {
  return {
    id: record.id,
    verdict: record.verdict,
    cause: record.cause,
    reason: verdictMessage(record.cause, record.causeParams, lang),
    replayed,
    permit: permit
      ? {
          number: permit.number,
          kind: permit.kind,
          plate: formatPlate(permit.plate),
          validTo: permit.validTo,
        }
      : null,
    scannedAt: record.scannedAt,
    recorderOnDuty: record.recorderOnDuty,
  };
}
