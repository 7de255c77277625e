// A 台账 as an .xlsx workbook, written row by row to a stream (exceljs' streaming writer keeps one
// row in memory at a time, so 100,000 rows cost no more than 100).
import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { SHANGHAI_OFFSET_MS } from '../shanghai-time';
import type { Lang } from '../../shared/i18n';

/** What a cell holds: text is always text (never a formula), an instant is shown in Beijing time. */
export type LedgerCell = string | number | Date | null | undefined;

export interface LedgerColumn {
  header: Record<Lang, string>;
  /** In characters; a Chinese character counts about two. Not 9: exceljs drops the default width. */
  width: number;
  /** `datetime` cells show "YYYY-MM-DD HH:mm", `date` cells "YYYY-MM-DD", both in Beijing time. */
  kind?: 'text' | 'datetime' | 'date' | 'number';
}

export interface Ledger {
  /** The sheet's name and the title row: "违章台账". */
  title: Record<Lang, string>;
  /** Who keeps it: the association's name, on the title row. */
  keeper: string;
  /** The period it covers, already in words: "截至 2026-11-30 20:00". */
  period: string;
  columns: readonly LedgerColumn[];
  rows: AsyncIterable<readonly LedgerCell[]> | Iterable<readonly LedgerCell[]>;
}

/** The rows one at a time, whether they come as they are read or were all read already. */
export function rowsOf(ledger: Ledger): AsyncIterable<readonly LedgerCell[]> {
  // `for await` takes a plain iterable as well; the cast only tells the type checker so.
  return ledger.rows as AsyncIterable<readonly LedgerCell[]>;
}

const NUMBER_FORMATS = { datetime: 'yyyy-mm-dd hh:mm', date: 'yyyy-mm-dd' } as const;
// XML 1.0 cannot hold these; a name pasted from a chat app sometimes carries one.
// eslint-disable-next-line no-control-regex -- these very characters are what is removed
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const MAX_CELL_CHARS = 32_767;
const TITLE_ROWS = 2;

/**
 * A spreadsheet shows a date cell's serial as written, with no time zone: a Beijing wall clock
 * is written as if it were UTC, so 20:00 in Beijing reads 20:00 (not 12:00).
 */
export function beijingWallClock(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS);
}

function cellValue(value: LedgerCell, column: LedgerColumn): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return beijingWallClock(value);
  if (typeof value === 'number') return value;
  // A string is written as a string cell: `=HYPERLINK(…)` typed as a name stays text.
  const text = value.replace(XML_INVALID, '').slice(0, MAX_CELL_CHARS);
  return column.kind === 'number' && text !== '' && Number.isFinite(Number(text))
    ? Number(text)
    : text;
}

/** Writes the ledger to `out` and ends it; rejects (and leaves `out` to the caller) on failure. */
export async function writeLedgerXlsx(ledger: Ledger, lang: Lang, out: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = ledger.keeper;
  const title = ledger.title[lang];
  const sheet = workbook.addWorksheet(title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = ledger.columns.map((column, index) => ({
    key: String(index),
    width: column.width,
    ...(column.kind === 'datetime' || column.kind === 'date'
      ? { style: { numFmt: NUMBER_FORMATS[column.kind] } }
      : {}),
  }));
  const titleRow = sheet.addRow([`${ledger.keeper} ${title}（${ledger.period}）`]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(1, ledger.columns.length));
  titleRow.commit();
  const header = sheet.addRow(ledger.columns.map((column) => column.header[lang]));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  sheet.autoFilter = {
    from: { row: TITLE_ROWS, column: 1 },
    to: { row: TITLE_ROWS, column: ledger.columns.length },
  };
  for await (const row of rowsOf(ledger)) {
    sheet
      .addRow(
        row.map((value: LedgerCell, index: number) => cellValue(value, ledger.columns[index]!)),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
