// Space stickers (车位码) on A4: one, two, four or six to a page, each with the space's code in
// large type, its lane, and the QR that opens self check-in at that space. Crop marks where a
// sheet holds more than one.
import { a4, letOthersRun, pdfBytes, type Printable } from '../common/pdf/printable';
import { MM, drawCutMarks, gridCells, placeOf, type Cell, type Grid } from '../common/pdf/sheet';

export const STICKERS_PER_PAGE = [1, 2, 4, 6] as const;
export type StickersPerPage = (typeof STICKERS_PER_PAGE)[number];

const GRIDS: Record<StickersPerPage, Grid> = {
  1: { columns: 1, rows: 1 },
  2: { columns: 1, rows: 2 },
  4: { columns: 2, rows: 2 },
  6: { columns: 2, rows: 3 },
};
const MARGIN = 12 * MM;

export interface Sticker {
  code: string;
  qrPng: Buffer;
}
export interface StickerSheet {
  associationName: string;
  laneName: string;
  stickers: Sticker[];
  perPage: StickersPerPage;
}

function centred(doc: Printable, text: string, cell: Cell, y: number, size: number): number {
  doc
    .fontSize(size)
    .text(text, cell.x, y, { width: cell.width, align: 'center', lineBreak: false });
  return doc.currentLineHeight(true);
}

function drawSticker(doc: Printable, cell: Cell, sticker: Sticker, sheet: StickerSheet): void {
  // Type scales with the sticker: u is a hundredth of its usable size; then everything shrinks
  // together if the stack would not fit the cell (six to a page are short and wide).
  const u = Math.min(cell.width, cell.height * 0.75) / 100;
  const base = {
    association: 5 * u,
    lane: 9 * u,
    code: 22 * u,
    caption: 6.5 * u,
    qr: Math.min(cell.width * 0.62, cell.height * 0.45),
    gap: 2 * u,
  };
  const height = (k: typeof base) =>
    k.association * 1.5 + k.lane * 1.5 + k.code * 1.4 + k.qr + k.caption * 1.5 * 2 + 4 * k.gap;
  const fit = Math.min(1, (cell.height - 6 * MM) / height(base));
  const sizes = Object.fromEntries(
    Object.entries(base).map(([key, value]) => [key, value * fit]),
  ) as typeof base;
  const { qr, gap } = sizes;
  let y = cell.y + Math.max(0, (cell.height - height(sizes)) / 2);

  doc.fillColor('#555');
  y += centred(doc, sheet.associationName, cell, y, sizes.association) + gap;
  doc.fillColor('#000');
  y += centred(doc, sheet.laneName, cell, y, sizes.lane);
  doc.fillColor('#b71c1c');
  y += centred(doc, sticker.code, cell, y, sizes.code) + gap;
  doc.image(sticker.qrPng, cell.x + (cell.width - qr) / 2, y, { width: qr, height: qr });
  y += qr + gap;
  doc.fillColor('#000');
  y += centred(doc, '扫码停车登记', cell, y, sizes.caption);
  doc.fillColor('#555');
  centred(doc, `车位 ${sticker.code} · 请按线停放`, cell, y, sizes.caption * 0.75);
}

/** The lane's stickers, in the order given, `perPage` to an A4 page. */
export async function stickersPdf(sheet: StickerSheet): Promise<Buffer> {
  const doc = a4(`${sheet.laneName} 车位码`, sheet.associationName, {
    margin: MARGIN,
    numbered: false,
  });
  const grid = GRIDS[sheet.perPage];
  const cells = gridCells(doc.page, grid, MARGIN);
  for (const [index, sticker] of sheet.stickers.entries()) {
    const place = placeOf(index, sheet.perPage);
    if (place.cell === 0) {
      if (index > 0) {
        await letOthersRun();
        doc.addPage();
      }
      if (sheet.perPage > 1) drawCutMarks(doc, grid, MARGIN);
    }
    drawSticker(doc, cells[place.cell]!, sticker, sheet);
  }
  if (sheet.stickers.length === 0) doc.fontSize(14).text(`${sheet.laneName}还没有车位。`);
  return pdfBytes(doc);
}
