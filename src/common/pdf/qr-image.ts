// A QR code as a small greyscale PNG for a printed page. pdfkit embeds a PNG without an alpha
// channel as it is (its compressed rows go straight into the PDF); the RGBA PNG the qrcode
// package writes would be decoded and split pixel by pixel instead, which made a sheet of 40
// permit cards take seconds and weigh 20 KB a card. Whole pixels per module keep it sharp.
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import { crc32, deflateSync } from 'node:zlib';

export interface QrImageOptions {
  errorCorrectionLevel: QRCodeErrorCorrectionLevel;
  /** quiet zone, in modules */
  margin: number;
  /** pixels per module */
  scale?: number;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Black modules on white, 8-bit greyscale, no alpha. */
export function qrPng(text: string, options: QrImageOptions): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: options.errorCorrectionLevel });
  const scale = options.scale ?? 4;
  const side = (modules.size + 2 * options.margin) * scale;
  const row = side + 1; // a filter byte (0: none) before each row
  const pixels = Buffer.alloc(row * side, 0xff);
  for (let y = 0; y < side; y += 1) {
    pixels[y * row] = 0;
    const moduleY = Math.floor(y / scale) - options.margin;
    if (moduleY < 0 || moduleY >= modules.size) continue;
    for (let x = 0; x < side; x += 1) {
      const moduleX = Math.floor(x / scale) - options.margin;
      if (moduleX >= 0 && moduleX < modules.size && modules.get(moduleY, moduleX)) {
        pixels[y * row + 1 + x] = 0;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
