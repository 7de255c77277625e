import { qrPng } from '../common/pdf/qr-image';
import { permitCardsPdf } from './permit-cards-pdf';

const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

const cardsOf = (count: number) => {
  const qr = qrPng('eyJhbGciOiJFUzI1NiJ9.' + 'x'.repeat(250), {
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return Array.from({ length: count }, (_, i) => ({
    number: 1000 + i,
    kind: i % 2 ? ('shared' as const) : ('resident' as const),
    plate: i % 3 ? '京AD10452' : '京A12345',
    validFrom: new Date('2026-01-01T00:00:00+08:00'),
    validTo: new Date('2026-12-31T00:00:00+08:00'),
    qrPng: qr,
  }));
};

describe('permit cards in bulk', () => {
  it('puts eight cards on a page, a long plate and a shared permit included', async () => {
    const pdf = await permitCardsPdf('4143车友会', cardsOf(17));
    expect(pagesOf(pdf)).toBe(3);
  });

  it('lets other work run between pages: a long sheet never holds the thread to its end', async () => {
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const pdf = await permitCardsPdf('4143车友会', cardsOf(80));
    running = false;
    expect(pagesOf(pdf)).toBe(10);
    expect(turns).toBeGreaterThanOrEqual(9);
  });
});
