import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+86 138', `'+86 138`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['下岗胡同3号', '下岗胡同3号'],
    ['京B·12345', '京B·12345'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(spreadsheetSafe(input)).toBe(output);
  });
});
