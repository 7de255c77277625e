// Printable documents (公示, notices) as PDF, set in Noto Sans Hans (SIL Open Font License 1.1,
// shipped by the npm package @embedpdf/fonts-sc): nothing is fetched at run time, and the text
// is text (embedded, subset, with a ToUnicode map), so it can be searched, copied and read aloud.
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The package exports only its index; the font files sit beside it in fonts/.
const FONT_DIR = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const CJK_REGULAR = join(FONT_DIR, 'NotoSansHans-Regular.otf');

// Read once (8 MB); each document embeds only the glyphs it uses. One face: a second (bold)
// doubles the time to lay out a notice, and size sets headings apart well enough on paper.
let regular: Buffer | undefined;
function cjkFont(): Buffer {
  regular ??= readFileSync(CJK_REGULAR);
  return regular;
}

export type Printable = InstanceType<typeof PDFDocument>;

/** An A4 document with the Chinese faces registered as `body` and `heading`. */
export function a4(title: string, author: string): Printable {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: title, Author: author },
    lang: 'zh-CN',
    bufferPages: true,
  });
  doc.registerFont('body', cjkFont());
  doc.registerFont('heading', cjkFont());
  doc.font('body');
  return doc;
}

/** The whole document as bytes (a notice is a few pages; nothing to stream). */
export function pdfBytes(doc: Printable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
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
