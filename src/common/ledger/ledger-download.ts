import { Logger, StreamableFile } from '@nestjs/common';
import { PassThrough, Readable } from 'node:stream';
import type { Lang } from '../../shared/i18n';
import { ledgerCsvChunks } from './ledger-csv';
import { type Ledger, writeLedgerXlsx } from './ledger-workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

const logger = new Logger('Ledger');

/**
 * The workbook as a download that starts at once and streams while the rows are read; the
 * caller has already checked who may read it, so a failure here can only be the database going
 * away mid-way, which ends the download short rather than sending a broken file as complete.
 */
export function ledgerDownload(ledger: Ledger, lang: Lang, fileName: string): StreamableFile {
  const out = new PassThrough();
  writeLedgerXlsx(ledger, lang, out).catch((error: unknown) => {
    logger.warn(`ledger ${fileName} ended short: ${String(error)}`);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new StreamableFile(out, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="${fileName}"`,
  });
}

/** The same ledger as CSV, streamed the same way. */
export function ledgerCsvDownload(ledger: Ledger, lang: Lang, fileName: string): StreamableFile {
  const out = Readable.from(ledgerCsvChunks(ledger, lang));
  out.on('error', (error) => logger.warn(`ledger ${fileName} ended short: ${String(error)}`));
  return new StreamableFile(out, {
    type: CSV_TYPE,
    disposition: `attachment; filename="${fileName}"`,
  });
}
