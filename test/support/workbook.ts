import { type Cell, ValueType, Workbook, type Worksheet } from 'exceljs';
import type { Response } from 'superagent';
import type { Test } from 'supertest';

/** Keeps a binary reply (xlsx, pdf) as a Buffer in `response.body`. */
export function binary(request: Test): Test {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The ledger as a person opens it: the title, the header row and the data rows below. */
export interface OpenedLedger {
  sheet: Worksheet;
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Every cell, to check that none holds a formula. */
  cells: Cell[];
}

export async function openLedger(response: Response): Promise<OpenedLedger> {
  const workbook = new Workbook();
  await workbook.xlsx.load(response.body as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const cells: Cell[] = [];
  const rows: Cell[][] = [];
  sheet.eachRow((row, number) => {
    const line: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) line.push(row.getCell(c));
    row.eachCell((cell) => cells.push(cell));
    if (number > 2) rows.push(line);
  });
  return {
    sheet,
    title: sheet.getRow(1).getCell(1).text,
    headers: (sheet.getRow(2).values as unknown[]).slice(1).map(String),
    rows,
    cells,
  };
}

export function hasFormula(cells: Cell[]): boolean {
  return cells.some((cell) => cell.type === ValueType.Formula);
}

/** A column's cells by its header. */
export function column(ledger: OpenedLedger, header: string): Cell[] {
  const index = ledger.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${ledger.headers.join(', ')}`);
  return ledger.rows.map((row) => row[index]!);
}
