import { a4, cjkFont, pdfBytes } from './printable';

describe('printable documents', () => {
  it('parse the Chinese font once and share it between documents', async () => {
    const font = cjkFont();
    expect(cjkFont()).toBe(font);
    const make = async () => {
      const doc = a4('公示', '4143车友会');
      doc.text('现行停车管理自治公约');
      return pdfBytes(doc);
    };
    const first = await make();
    const started = Date.now();
    const second = await make();
    // With the parsed font reused, a second small document costs far less than parsing 8 MB.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(second.subarray(0, 5).toString()).toBe('%PDF-');
    // Each embeds only its own subset: small, not the 8 MB font.
    expect(first.length).toBeLessThan(100_000);
  });
});
