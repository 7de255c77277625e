// Printable documents (公示, rosters, permit cards, stickers) as PDF, set in Noto Sans Hans (SIL
// Open Font License 1.1, shipped by the npm package @embedpdf/fonts-sc): nothing is fetched at run
// time, and the text is text (embedded, subset, with a ToUnicode map), so it can be searched,
// copied and read aloud.
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The package exports only its index; the font files sit beside it in fonts/.
const FONT_DIR = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const CJK_REGULAR = join(FONT_DIR, 'NotoSansHans-Regular.otf');

export type Printable = InstanceType<typeof PDFDocument>;
type FontSource = Parameters<Printable['registerFont']>[1];

/**
 * The parsed font, made once on the first document and shared by all after it. Handing pdfkit the
 * 8 MB file instead made every document parse it again (its tables, cmap and glyphs): the first
 * notice of a cold service took seconds, and each one after a few hundred milliseconds. pdfkit
 * takes a parsed font as well as bytes; it is parsed by the very fontkit pdfkit itself loads, and
 * each document still embeds only the glyphs it uses (its own subset).
 */
let parsed: FontSource | undefined;
export function cjkFont(): FontSource {
  if (!parsed) {
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    const fontkit = fromPdfkit('fontkit') as { create(bytes: Uint8Array): unknown };
    parsed = fontkit.create(readFileSync(CJK_REGULAR)) as FontSource;
  }
  return parsed;
}

export interface PageOptions {
  /** points on every side; 56 (about 2 cm) for a notice, less for sheets of cards */
  margin?: number;
  /**
   * Keep every page until the end, to number them ("第 1 / 3 页"). Sheets of cards and stickers
   * do not: each page is written out when the next begins, so a long sheet never holds the
   * service's one thread for the whole document at its end.
   */
  numbered?: boolean;
}

/** An A4 document with the Chinese face registered as `body` and `heading`. */
export function a4(title: string, author: string, options: PageOptions = {}): Printable {
  const margin = options.margin ?? 56;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    info: { Title: title, Author: author },
    lang: 'zh-CN',
    bufferPages: options.numbered ?? true,
  });
  // One face: a second (bold) doubles the time to lay out a notice, and size sets headings apart
  // well enough on paper.
  doc.registerFont('body', cjkFont());
  doc.registerFont('heading', cjkFont());
  doc.font('body');
  return doc;
}

/** The whole document as bytes (a few pages; nothing to stream). */
export function pdfBytes(doc: Printable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Lets the service's one thread answer other requests (scans, live pushes) between two pages or
 * QR codes of a long document: one page of cards takes milliseconds, a few hundred cards seconds.
 */
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** "第 1 / 3 页" at the foot of every page. */
export function pageNumbers(doc: Printable): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(9)
      .fillColor('#555')
      .text(`第 ${i + 1} / ${range.count} 页`, 0, doc.page.height - 36, {
        width: doc.page.width,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Room left on the page below the cursor, in points. */
export function roomLeft(doc: Printable): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}
