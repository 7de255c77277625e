import {
  canonicalColumn,
  fromSpreadsheet,
  LedgerCellError,
  ledgerLine,
  parseColor,
  parseRole,
} from './ledger-csv';

describe('ledger CSV cells', () => {
  const row = {
    address: '下岗胡同1号',
    name: '=HYPERLINK("http://x.example","点我")',
    phone: '13800000010',
    role: 'resident',
    party_member: true,
    volunteer: false,
    plate: '京A12345',
    plate_color: 'blue',
  };

  it('keeps a formula-looking name as text, and masks for readers who need no more', () => {
    expect(ledgerLine(row, true)).toEqual([
      '下岗胡同1号',
      `'=HYPERLINK("http://x.example","点我")`,
      '13800000010',
      'resident',
      'true',
      'false',
      '京A·12345',
      'blue',
    ]);
    expect(ledgerLine({ ...row, address: '+1 下岗胡同' }, false).slice(0, 3)).toEqual([
      `'+1 下岗胡同`,
      `'=HYPERLINK("http://x.example","点我")`,
      '138****0010',
    ]);
  });

  it('re-imports what it exported: the apostrophe it added goes again', () => {
    expect(fromSpreadsheet(`'=SUM(1)`)).toBe('=SUM(1)');
    expect(fromSpreadsheet(`'王`)).toBe(`'王`);
    expect(fromSpreadsheet(undefined)).toBeUndefined();
  });

  it('reads Chinese headings, roles and colours', () => {
    expect(canonicalColumn('门牌')).toBe('address');
    expect(canonicalColumn('车牌 / plate')).toBe('plate');
    expect(parseRole('红袖标')).toBe('warden');
    expect(parseRole('')).toBe('resident');
    expect(parseColor('绿色')).toBe('green');
    expect(() => parseRole('superuser')).toThrow(LedgerCellError);
    expect(() => parseColor('pink')).toThrow(LedgerCellError);
  });
});
