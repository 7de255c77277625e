import { execFile } from 'node:child_process';

// pdf-parse loads pdf.js, whose worker comes in by dynamic import, which jest's module sandbox
// refuses; so the text is read in a plain Node process, as a reader's program would.
const READER = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});`;

/** The text a reader's PDF program finds in the document (so: text, not pictures of text). */
export function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', READER],
      { maxBuffer: 20 * 1024 * 1024 },
      (error, stdout) =>
        error
          ? reject(new Error(error.message))
          : resolve(JSON.parse(stdout) as { text: string; pages: number }),
    );
    child.stdin!.end(bytes);
  });
}

const IMAGES = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getImage({ imageBuffer: true, imageDataUrl: false });
  await parser.destroy();
  const pages = result.pages.map((p) =>
    p.images.map((i) => Buffer.from(i.data).toString('base64')));
  process.stdout.write(JSON.stringify(pages));
});`;

/** The images embedded on each page, as PNG bytes (so a QR on paper can be read back). */
export function pdfImages(bytes: Buffer): Promise<Buffer[][]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', IMAGES],
      { maxBuffer: 100 * 1024 * 1024 },
      (error, stdout) =>
        error
          ? reject(new Error(error.message))
          : resolve(
              (JSON.parse(stdout) as string[][]).map((page) =>
                page.map((b64) => Buffer.from(b64, 'base64')),
              ),
            ),
    );
    child.stdin!.end(bytes);
  });
}
