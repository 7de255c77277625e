import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng } from './qr-image';

describe('a QR code for paper', () => {
  const decode = (png: Buffer) => {
    const image = PNG.sync.read(png);
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
  };

  it('reads back as the text it carries, at any scale', () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.' + 'x'.repeat(240);
    for (const scale of [2, 4, 8]) {
      const png = qrPng(token, { errorCorrectionLevel: 'M', margin: 2, scale });
      expect(decode(png)).toBe(token);
    }
    const url = 'https://parking.example/app/#/spaces/1/check-in?sticker=abc';
    expect(decode(qrPng(url, { errorCorrectionLevel: 'M', margin: 1 }))).toBe(url);
  });

  it('is greyscale without alpha, so a PDF embeds it as it is', () => {
    const png = qrPng('京A12345', { errorCorrectionLevel: 'M', margin: 2 });
    const image = PNG.sync.read(png);
    expect(png.readUInt8(25)).toBe(0); // colour type: greyscale
    expect(image.width).toBe(image.height);
  });
});
