import { qrPng } from '../common/pdf/qr-image';
import { STICKERS_PER_PAGE, stickersPdf } from './sticker-pdf';

// pdfkit writes each page as its own object: counting them needs no PDF reader.
const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('a sheet of space stickers', () => {
  const qr = qrPng('https://parking.example/app/#/spaces/1/check-in?sticker=abc', {
    errorCorrectionLevel: 'M',
    margin: 1,
  });

  it.each(STICKERS_PER_PAGE)(
    'fits %i stickers on each page, never spilling onto another',
    async (perPage) => {
      const stickers = Array.from({ length: 2 * perPage + 1 }, (_, i) => ({
        code: `XG-${String(i + 1).padStart(2, '0')}`,
        qrPng: qr,
      }));
      const pdf = await stickersPdf({
        associationName: '4143车友会',
        laneName: '下岗胡同',
        stickers,
        perPage,
      });
      expect(pagesOf(pdf)).toBe(3);
    },
  );
});
