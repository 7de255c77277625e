import {
  canonicalColumn,
  fromSpreadsheet,
  LedgerCellError,
  parseColor,
  parseRole,
} from './ledger-csv';
import { householdLedgerRow } from './household-ledger-columns';

describe('ledger CSV cells', () => {
  const row = {
    household_id: '00000000-0000-0000-0000-000000000001',
    member_id: '00000000-0000-0000-0000-000000000002',
    address: '下岗胡同1号',
    name: '=HYPERLINK("http://x.example","点我")',
    phone: '13800000010',
    role: 'resident',
    party_member: true,
    volunteer: false,
    plate: '京A12345',
    plate_color: 'blue',
    lane_name: '下岗胡同',
  };

  it('writes values in words, and masks for readers who need no more', () => {
    expect(householdLedgerRow(row, { phone: true, plate: true }, 'zh-CN')).toEqual([
      '下岗胡同1号',
      '=HYPERLINK("http://x.example","点我")',
      '13800000010',
      '居民',
      '是',
      '否',
      '京A·12345',
      '蓝牌',
      '下岗胡同',
    ]);
    expect(householdLedgerRow(row, { phone: false, plate: false }, 'en').slice(2, 7)).toEqual([
      '138****0010',
      'Resident',
      'yes',
      'no',
      '京A·***45',
    ]);
    // A warden: the plate in full (they work with plates), the phone masked.
    const warden = householdLedgerRow(row, { phone: false, plate: true }, 'zh-CN');
    expect([warden[2], warden[6]]).toEqual(['138****0010', '京A·12345']);
  });

  it('re-imports what it exported: the apostrophe it added goes again', () => {
    expect(fromSpreadsheet(`'=SUM(1)`)).toBe('=SUM(1)');
    expect(fromSpreadsheet(`'王`)).toBe(`'王`);
    expect(fromSpreadsheet(undefined)).toBeUndefined();
  });

  it('reads Chinese headings, roles and colours, and the words the export writes', () => {
    expect(canonicalColumn('门牌')).toBe('address');
    expect(canonicalColumn('车牌 / plate')).toBe('plate');
    expect(canonicalColumn('Plate colour')).toBe('plateColor');
    expect(canonicalColumn('胡同')).toBe('lane');
    expect(canonicalColumn('Lane')).toBe('lane');
    expect(parseRole('红袖标')).toBe('warden');
    expect(parseRole('理事')).toBe('admin');
    expect(parseRole('Council')).toBe('admin');
    expect(parseRole('')).toBe('resident');
    expect(parseColor('绿色')).toBe('green');
    expect(parseColor('蓝牌')).toBe('blue');
    expect(() => parseRole('superuser')).toThrow(LedgerCellError);
    expect(() => parseColor('pink')).toThrow(LedgerCellError);
  });
});
