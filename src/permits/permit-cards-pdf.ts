// Permit cards in bulk: A4 sheets of 2 × 4 cards with crop marks, each card with the permit's QR
// (the same signed token as the single card and the QR image), the plate in large type and the
// validity in Beijing dates. The QR is an image at whole pixels per module, so it prints sharp
// and a phone reads it from the paper as from the screen.
import { a4, letOthersRun, pdfBytes, type Printable } from '../common/pdf/printable';
import { MM, drawCutMarks, gridCells, placeOf, type Cell } from '../common/pdf/sheet';
import { shanghaiDate } from '../common/shanghai-time';
import { formatPlate } from '../shared/plate';
import type { PermitKind } from './permit-token';

export interface PermitCard {
  number: number;
  kind: PermitKind;
  plate: string;
  validFrom: Date;
  validTo: Date;
  qrPng: Buffer;
}

export const CARD_GRID = { columns: 2, rows: 4 } as const;
const MARGIN = 12 * MM;
const PAD = 4 * MM;
const RED = '#b71c1c';

export const KIND_WORDS: Record<PermitKind, string> = {
  resident: '居民停车证',
  shared: '错时共享停车证',
  visitor: '访客通行证',
};

function drawCard(doc: Printable, cell: Cell, card: PermitCard, associationName: string): void {
  const x = cell.x + PAD;
  const y = cell.y + PAD;
  const width = cell.width - 2 * PAD;
  const height = cell.height - 2 * PAD;
  // The border sits inside the cut, so a slightly off cut never slices it.
  doc
    .save()
    .lineWidth(1.6)
    .strokeColor(RED)
    .roundedRect(cell.x + 2 * MM, cell.y + 2 * MM, cell.width - 4 * MM, cell.height - 4 * MM, 6)
    .stroke()
    .restore();

  doc
    .fillColor(RED)
    .fontSize(13)
    .text(KIND_WORDS[card.kind], x + 2, y, { lineBreak: false });
  doc
    .fillColor('#000')
    .fontSize(8)
    .text(associationName, x, y + 4, { width: width - 2, align: 'right', lineBreak: false });

  const top = y + 20;
  const qrSize = Math.min(height - 20, 44 * MM);
  doc.image(card.qrPng, x, top, { width: qrSize, height: qrSize });

  const textX = x + qrSize + 3 * MM;
  const textWidth = width - qrSize - 3 * MM;
  doc.fontSize(17).text(formatPlate(card.plate), textX, top + 4, { width: textWidth });
  doc.moveDown(0.3).fontSize(8).fillColor('#333');
  doc.text('有效期', { width: textWidth });
  doc.text(`${shanghaiDate(card.validFrom)} 至`, { width: textWidth });
  doc.text(shanghaiDate(card.validTo), { width: textWidth });
  doc.moveDown(0.4).fontSize(10).fillColor('#000').text(`No.${card.number}`, { width: textWidth });
  doc.moveDown(0.4).fontSize(7).fillColor('#555').text('请置于挡风玻璃内侧', { width: textWidth });
}

/** The cards, eight to an A4 page, in the order given. */
export async function permitCardsPdf(
  associationName: string,
  cards: PermitCard[],
): Promise<Buffer> {
  const doc = a4(`${associationName} 停车证`, associationName, {
    margin: MARGIN,
    numbered: false,
  });
  const perPage = CARD_GRID.columns * CARD_GRID.rows;
  const cells = gridCells(doc.page, CARD_GRID, MARGIN);
  for (const [index, card] of cards.entries()) {
    const place = placeOf(index, perPage);
    if (place.cell === 0) {
      if (index > 0) {
        await letOthersRun();
        doc.addPage();
      }
      drawCutMarks(doc, CARD_GRID, MARGIN);
    }
    drawCard(doc, cells[place.cell]!, card, associationName);
  }
  return pdfBytes(doc);
}
