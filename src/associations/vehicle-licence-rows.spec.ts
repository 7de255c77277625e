import { Workbook } from 'exceljs';
import {
  csvTable,
  LicenceFileRefused,
  licenceRowsOf,
  normaliseName,
  xlsxTable,
} from './vehicle-licence-rows';

describe('vehicle licence rows (行驶证所有人)', () => {
  it('reads Chinese or English headers, in any order, and numbers lines as the file does', () => {
    expect(licenceRowsOf(csvTable('所有人,车牌\n王 秀兰,京A12345\n,\n李四,京AD12345\n'))).toEqual([
      { line: 2, plate: '京A12345', owner: '王秀兰' },
      { line: 4, plate: '京AD12345', owner: '李四' },
    ]);
    expect(
      licenceRowsOf([
        ['plate', 'owner'],
        ['京A12345', 'Wang'],
      ]),
    ).toEqual([{ line: 2, plate: '京A12345', owner: 'Wang' }]);
  });

  it('refuses a file without a plate or an owner column', () => {
    expect(() => licenceRowsOf([['车牌', '电话']])).toThrow(LicenceFileRefused);
    expect(() => licenceRowsOf([])).toThrow(LicenceFileRefused);
  });

  it('refuses text that is not CSV, saying the line', () => {
    try {
      csvTable('车牌,所有人\n"京A12345,王');
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(LicenceFileRefused);
      expect((error as LicenceFileRefused).problem.reason).toBe('licence.invalid_file');
    }
  });

  it('normalises names: spaces and full-width forms do not make two people', () => {
    expect(normaliseName(' 王\u3000秀兰 ')).toBe('王秀兰');
    expect(normaliseName('ＷＡＮＧ')).toBe('WANG');
  });

  it('reads the first sheet of a workbook', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('行驶证');
    sheet.addRow(['车牌', '所有人']);
    sheet.addRow(['京A12345', '王秀兰']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(licenceRowsOf(await xlsxTable(file))).toEqual([
      { line: 2, plate: '京A12345', owner: '王秀兰' },
    ]);
    await expect(xlsxTable(Buffer.from('not a workbook'))).rejects.toBeInstanceOf(
      LicenceFileRefused,
    );
  });
});
