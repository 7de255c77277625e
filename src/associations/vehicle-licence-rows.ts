// The owner's name on each car's 行驶证 (vehicle licence), as the council keeps it: a CSV or a
// workbook with a plate column and an owner column (Chinese or English headers). Pure parsing;
// the service matches each owner against the members of the car's household.
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

export interface LicenceRow {
  /** 1-based, counting the header: the line the council sees in their file. */
  line: number;
  plate: string;
  owner: string;
}

export type LicenceFileProblem =
  | { reason: 'licence.invalid_file'; params: { line: number } }
  | { reason: 'licence.columns_missing'; params: Record<string, never> }
  | { reason: 'licence.too_many_rows'; params: { max: number } };

export const MAX_LICENCE_ROWS = 5000;

const HEADERS: Record<string, 'plate' | 'owner'> = {
  plate: 'plate',
  车牌: 'plate',
  车牌号: 'plate',
  号牌号码: 'plate',
  owner: 'owner',
  所有人: 'owner',
  车主: 'owner',
  车主姓名: 'owner',
};

export class LicenceFileRefused extends Error {
  constructor(readonly problem: LicenceFileProblem) {
    super(problem.reason);
  }
}

/** Rows of a table whose first row is the header. */
export function licenceRowsOf(table: readonly (readonly string[])[]): LicenceRow[] {
  const [header, ...body] = table;
  const columns = (header ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
  const plateAt = columns.indexOf('plate');
  const ownerAt = columns.indexOf('owner');
  if (plateAt < 0 || ownerAt < 0) {
    throw new LicenceFileRefused({ reason: 'licence.columns_missing', params: {} });
  }
  const rows = body
    .map((cells, i) => ({
      line: i + 2,
      plate: (cells[plateAt] ?? '').trim(),
      owner: normaliseName(cells[ownerAt] ?? ''),
    }))
    .filter((row) => row.plate !== '' || row.owner !== '');
  if (rows.length > MAX_LICENCE_ROWS) {
    throw new LicenceFileRefused({
      reason: 'licence.too_many_rows',
      params: { max: MAX_LICENCE_ROWS },
    });
  }
  return rows;
}

/** A name as written on a licence and in the register: no spaces, full-width or not. */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').normalize('NFKC');
}

export function csvTable(text: string): string[][] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new LicenceFileRefused({ reason: 'licence.invalid_file', params: { line } });
  }
}

/** The first sheet of a workbook as text cells. */
export async function xlsxTable(file: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file);
  } catch {
    throw new LicenceFileRefused({ reason: 'licence.invalid_file', params: { line: 1 } });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  return table;
}
