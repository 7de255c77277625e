// A sheet of cards or stickers: A4 cut into equal cells by a guillotine, with crop marks in the
// margin where each cut runs. Pure geometry in points (1/72 inch), and one drawing function.
import type { Printable } from './printable';

export const A4 = { width: 595.28, height: 841.89 } as const;
/** 1 mm in points. */
export const MM = 72 / 25.4;

export interface Cell {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Grid {
  columns: number;
  rows: number;
}
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
type Page = { width: number; height: number };

/** The cells of one page, inside the margin, left to right and then down. */
export function gridCells(page: Page, grid: Grid, margin: number): Cell[] {
  const width = (page.width - 2 * margin) / grid.columns;
  const height = (page.height - 2 * margin) / grid.rows;
  const cells: Cell[] = [];
  for (let row = 0; row < grid.rows; row += 1) {
    for (let column = 0; column < grid.columns; column += 1) {
      cells.push({ x: margin + column * width, y: margin + row * height, width, height });
    }
  }
  return cells;
}

/**
 * Crop marks: each cut line (the cells' edges, outer ones included) continued into the margin on
 * both sides, starting `gap` away from the cells so no mark is printed on a card.
 */
export function cutMarks(page: Page, grid: Grid, margin: number, gap = 3 * MM): Segment[] {
  const length = Math.max(0, margin - gap - 2 * MM);
  const marks: Segment[] = [];
  const cellWidth = (page.width - 2 * margin) / grid.columns;
  const cellHeight = (page.height - 2 * margin) / grid.rows;
  for (let c = 0; c <= grid.columns; c += 1) {
    const x = margin + c * cellWidth;
    marks.push({ x1: x, y1: margin - gap, x2: x, y2: margin - gap - length });
    const bottom = page.height - margin;
    marks.push({ x1: x, y1: bottom + gap, x2: x, y2: bottom + gap + length });
  }
  for (let r = 0; r <= grid.rows; r += 1) {
    const y = margin + r * cellHeight;
    marks.push({ x1: margin - gap, y1: y, x2: margin - gap - length, y2: y });
    const right = page.width - margin;
    marks.push({ x1: right + gap, y1: y, x2: right + gap + length, y2: y });
  }
  return marks;
}

/** Which page and which cell of it the n-th item (from 0) takes. */
export function placeOf(index: number, perPage: number): { page: number; cell: number } {
  return { page: Math.floor(index / perPage), cell: index % perPage };
}

/** Draws the crop marks of the current page, thin and black, as a printer expects them. */
export function drawCutMarks(doc: Printable, grid: Grid, margin: number): void {
  doc.save().lineWidth(0.5).strokeColor('#000');
  for (const m of cutMarks(doc.page, grid, margin)) doc.moveTo(m.x1, m.y1).lineTo(m.x2, m.y2);
  doc.stroke().restore();
}
