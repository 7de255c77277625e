import { csvCell, ledgerCsv } from './ledger-csv';
import type { Ledger } from './ledger-workbook';

describe('a ledger as CSV', () => {
  const ledger: Ledger = {
    title: { 'zh-CN': '测试台账', en: 'Test ledger' },
    keeper: '4143车友会',
    period: '截至 2026-11-30 20:00',
    columns: [
      { header: { 'zh-CN': '时间', en: 'At' }, width: 17, kind: 'datetime' },
      { header: { 'zh-CN': '日期', en: 'Date' }, width: 11, kind: 'date' },
      { header: { 'zh-CN': '姓名', en: 'Name' }, width: 10 },
      { header: { 'zh-CN': '次数', en: 'Count' }, width: 6, kind: 'number' },
    ],
    rows: [[new Date('2026-11-30T12:00:00Z'), new Date('2026-11-30T16:30:00Z'), '=1+1', -3]],
  };

  it('writes Beijing time, neutralises formulas, leaves numbers alone', async () => {
    expect(await ledgerCsv(ledger, 'zh-CN')).toBe(
      "\uFEFF时间,日期,姓名,次数\n2026-11-30 20:00,2026-12-01,'=1+1,-3\n",
    );
  });

  it('speaks the reader’s language in the header only', async () => {
    expect((await ledgerCsv(ledger, 'en')).split('\n')[0]).toBe('\uFEFFAt,Date,Name,Count');
  });

  it('leaves an empty cell empty and prefixes every formula lead', () => {
    const text = { header: { 'zh-CN': '', en: '' }, width: 5 } as const;
    expect(csvCell(null, text)).toBe('');
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${lead}x`, text)).toBe(`'${lead}x`);
    }
  });
});
