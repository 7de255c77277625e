// A month's duty roster (值班表) on paper, for the wall of the wardens' hut and the council's file:
// day by day, each shift with its time in Beijing and the people on it, then each person's month.
import { a4, pageNumbers, pdfBytes, roomLeft, type Printable } from '../common/pdf/printable';
import {
  shanghaiClock,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiWeekday,
} from '../common/shanghai-time';
import type { ShiftResponse } from '../shared/api/rosters';

export interface RosterSheet {
  associationName: string;
  community: string;
  streetOffice: string;
  /** "2026-11" */
  month: string;
  shifts: ShiftResponse[];
  generatedAt: Date;
}

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const KIND_WORDS: Record<ShiftResponse['kind'], string> = {
  warden: '红袖标',
  volunteer: '文明劝导',
};
const MARGIN = 42;
const COLUMNS = [
  { title: '日期', width: 78 },
  { title: '时间', width: 92 },
  { title: '班次', width: 120 },
  { title: '值班人员', width: 0 }, // the rest of the line
] as const;

export function monthWords(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

/** "11月3日 周二" */
function dayWords(at: Date): string {
  const [, m, d] = shanghaiDate(at).split('-');
  return `${Number(m)}月${Number(d)}日 ${WEEKDAYS[shanghaiWeekday(at)]}`;
}

/** "20:00–次日08:00": a night shift ends on the next Beijing day. */
export function timeWords(shift: Pick<ShiftResponse, 'from' | 'to'>): string {
  const from = new Date(shift.from);
  const to = new Date(shift.to);
  const nextDay = shanghaiDate(to) !== shanghaiDate(from) && shanghaiClock(to) !== '00:00';
  const end = shanghaiClock(to) === '00:00' ? '24:00' : shanghaiClock(to);
  return `${shanghaiClock(from)}–${nextDay ? '次日' : ''}${end}`;
}

export function peopleWords(shift: Pick<ShiftResponse, 'assignments' | 'required'>): string {
  const names = shift.assignments.map((a) => a.memberName);
  const missing = shift.required - names.length;
  const gap = missing > 0 ? `（缺 ${missing} 人）` : '';
  return names.length === 0 ? `空缺${gap}` : `${names.join('、')}${gap}`;
}

/** Per person: shifts and hours in the month, most first. */
export function monthTotals(
  shifts: ShiftResponse[],
): { name: string; shifts: number; hours: number }[] {
  const people = new Map<string, { name: string; shifts: number; hours: number }>();
  for (const shift of shifts) {
    const hours = (Date.parse(shift.to) - Date.parse(shift.from)) / 3_600_000;
    for (const a of shift.assignments) {
      const person = people.get(a.memberId) ?? { name: a.memberName, shifts: 0, hours: 0 };
      person.shifts += 1;
      person.hours += hours;
      people.set(a.memberId, person);
    }
  }
  return [...people.values()].sort(
    (a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

function columnXs(doc: Printable): number[] {
  const xs: number[] = [];
  let x = doc.page.margins.left;
  for (const c of COLUMNS) {
    xs.push(x);
    x += c.width;
  }
  return xs;
}

function lastWidth(doc: Printable): number {
  const fixed = COLUMNS.reduce((sum, c) => sum + c.width, 0);
  return doc.page.width - doc.page.margins.left - doc.page.margins.right - fixed;
}

function tableHeader(doc: Printable): void {
  const xs = columnXs(doc);
  const y = doc.y;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.rect(doc.page.margins.left, y - 2, width, 18).fill('#eeeeee');
  doc.fillColor('#000').fontSize(10);
  COLUMNS.forEach((c, i) => doc.text(c.title, xs[i]! + 3, y + 1, { lineBreak: false }));
  doc.x = doc.page.margins.left;
  doc.y = y + 20;
}

function row(doc: Printable, cells: string[], firstOfDay: boolean): void {
  const xs = columnXs(doc);
  const widths = COLUMNS.map((c) => c.width || lastWidth(doc));
  doc.fontSize(10);
  const height =
    Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 6 }))) + 6;
  if (roomLeft(doc) < height) {
    doc.addPage();
    tableHeader(doc);
  }
  const y = doc.y;
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  doc
    .save()
    .lineWidth(firstOfDay ? 0.8 : 0.3)
    .strokeColor(firstOfDay ? '#444' : '#bbb')
    .moveTo(left, y)
    .lineTo(right, y)
    .stroke()
    .restore();
  doc.fillColor('#000');
  cells.forEach((text, i) => doc.text(text, xs[i]! + 3, y + 3, { width: widths[i]! - 6 }));
  doc.x = left;
  doc.y = y + height;
}

/** The month's roster as an A4 PDF, in Chinese, every time in Beijing. */
export function rosterPdf(sheet: RosterSheet): Promise<Buffer> {
  const title = `${sheet.associationName} 值班表 ${monthWords(sheet.month)}`;
  const doc = a4(title, sheet.associationName, { margin: MARGIN });
  doc.fontSize(18).text(title, { align: 'center' });
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(
      `${sheet.streetOffice} ${sheet.community} · 时间均为北京时间 · 制表 ${shanghaiDateTime(sheet.generatedAt)}`,
      { align: 'center' },
    );
  doc.moveDown(0.8);

  if (sheet.shifts.length === 0) {
    doc
      .fontSize(12)
      .fillColor('#000')
      .text(`${monthWords(sheet.month)}尚未排班。`);
  } else {
    tableHeader(doc);
    let day = '';
    for (const shift of sheet.shifts) {
      const from = new Date(shift.from);
      const thisDay = shanghaiDate(from);
      const firstOfDay = thisDay !== day;
      day = thisDay;
      row(
        doc,
        [
          firstOfDay ? dayWords(from) : '',
          timeWords(shift),
          `${shift.name}（${KIND_WORDS[shift.kind]}）`,
          peopleWords(shift),
        ],
        firstOfDay,
      );
    }

    doc.moveDown(1);
    if (roomLeft(doc) < 60) doc.addPage();
    doc.fontSize(13).fillColor('#000').text('本月值班合计', doc.page.margins.left);
    doc.moveDown(0.3).fontSize(10);
    for (const p of monthTotals(sheet.shifts)) {
      doc.text(`${p.name}：${p.shifts} 班，共 ${Number(p.hours.toFixed(1))} 小时`);
    }
  }

  pageNumbers(doc);
  return pdfBytes(doc);
}
