// A 台账 as CSV, from the same column definition as its workbook: headers in the reader's
// language, instants as Beijing "YYYY-MM-DD HH:mm", and every text cell made inert for
// spreadsheets (a name typed as `=HYPERLINK(…)` must open as text).
import { stringify } from 'csv-stringify/sync';
import { shanghaiDate, shanghaiDateTime } from '../shanghai-time';
import { spreadsheetSafe } from '../spreadsheet-safe';
import type { Lang } from '../../shared/i18n';
import { type Ledger, type LedgerCell, type LedgerColumn, rowsOf } from './ledger-workbook';

/** The byte-order mark lets Excel open the Chinese text as UTF-8. */
const BOM = '\uFEFF';
/** Rows per chunk written: small enough to stream, large enough not to chatter. */
const CHUNK_ROWS = 500;

export function csvCell(value: LedgerCell, column: LedgerColumn): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return column.kind === 'date' ? shanghaiDate(value) : shanghaiDateTime(value);
  }
  if (typeof value === 'number') return String(value);
  return spreadsheetSafe(value);
}

/** The file in chunks: the BOM and header first, then the rows as they are read. */
export async function* ledgerCsvChunks(ledger: Ledger, lang: Lang): AsyncGenerator<string> {
  yield BOM + stringify([ledger.columns.map((column) => column.header[lang])]);
  let lines: string[][] = [];
  for await (const row of rowsOf(ledger)) {
    lines.push(
      row.map((value: LedgerCell, index: number) => csvCell(value, ledger.columns[index]!)),
    );
    if (lines.length >= CHUNK_ROWS) {
      yield stringify(lines);
      lines = [];
    }
  }
  if (lines.length > 0) yield stringify(lines);
}

/** The whole file as one string, for ledgers small enough to hold (and for tests). */
export async function ledgerCsv(ledger: Ledger, lang: Lang): Promise<string> {
  let text = '';
  for await (const chunk of ledgerCsvChunks(ledger, lang)) text += chunk;
  return text;
}
