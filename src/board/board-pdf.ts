// The public notice (公示) on paper: what the board shows, laid out for the lane's notice board.
import { shanghaiDate, shanghaiDateTime } from '../common/shanghai-time';
import { a4, pageNumbers, pdfBytes, type Printable } from '../common/pdf/printable';
import type { FinanceMonthView } from '../finance/dto/finance.dto';
import type { BoardVersion, PublicBoard } from '../shared/api/board';

// The ideographic space that separates a label from its text on Chinese paper.
const GAP = '\u3000';

const KIND_WORDS: Record<string, string> = {
  no_permit: '无证停车',
  wrong_space: '占用他人车位',
  overstay: '共享车位超时',
  blocking_passage: '堵塞通道/消防通道',
  no_parking_window: '禁停时段停车',
};
const STATUS_WORDS: Record<string, string> = {
  comment: '征求意见中',
  voting: '表决中',
  adopted: '通过',
  rejected: '未通过',
};

function heading(doc: Printable, text: string): void {
  doc.moveDown(0.8).font('heading').fontSize(14).fillColor('#000').text(text);
  doc.moveDown(0.3).font('body').fontSize(11);
}

function voteLine(v: BoardVersion): string {
  const status = STATUS_WORDS[v.status] ?? v.status;
  const r = v.result;
  if (!r) return `第${v.number}版《${v.title}》：${status}`;
  return (
    `第${v.number}版《${v.title}》：${status}。应参加 ${r.eligible}，实际参加 ${r.turnout}；` +
    `同意 ${r.yes}，反对 ${r.no}，弃权 ${r.abstain}` +
    `（法定人数 ${v.ballot.quorum.numerator}/${v.ballot.quorum.denominator}，` +
    `通过需 ${v.ballot.threshold.numerator}/${v.ballot.threshold.denominator}）`
  );
}

function monthWords(month: string): string {
  return `${month.replace('-', '年')}月`;
}

const yuan = (cny: number) => cny.toFixed(2);

/** Income (permit fees and recorded income) and spending, month by month, and the year's sum. */
function financeLines(doc: Printable, months: FinanceMonthView[]): void {
  const moving = months.filter((m) => m.incomeCny !== 0 || m.expenseCny !== 0);
  if (moving.length === 0) {
    doc.text('近十二个月没有收支。');
    return;
  }
  for (const m of moving) {
    doc.text(
      `${monthWords(m.month)}：收入 ${yuan(m.incomeCny)}${GAP}支出 ${yuan(m.expenseCny)}` +
        `${GAP}结余 ${yuan(m.incomeCny - m.expenseCny)}`,
    );
  }
  const income = months.reduce((sum, m) => sum + m.incomeCny, 0);
  const expense = months.reduce((sum, m) => sum + m.expenseCny, 0);
  doc
    .moveDown(0.2)
    .text(
      `合计：收入 ${yuan(income)}${GAP}支出 ${yuan(expense)}${GAP}结余 ${yuan(income - expense)}`,
    );
}

/** The notice as a PDF: convention in force, vote results, notice periods, duty, violations, accounts. */
export function boardPdf(board: PublicBoard): Promise<Buffer> {
  const title = `${board.name} 公示`;
  const doc = a4(title, board.name);
  doc.font('heading').fontSize(20).text(title, { align: 'center' });
  doc
    .font('body')
    .fontSize(10)
    .fillColor('#555')
    .text(
      `${board.streetOffice} ${board.community} · ${shanghaiDateTime(board.generatedAt)} 北京时间`,
      {
        align: 'center',
      },
    );

  heading(doc, '现行停车管理自治公约');
  if (board.inForce) {
    doc.text(
      `第${board.inForce.number}版《${board.inForce.title}》，${shanghaiDate(board.inForce.effectiveFrom)} 起施行。`,
    );
    for (const article of board.inForce.articles) {
      doc.moveDown(0.2).text(`${article.label}${GAP}${article.text}`, { paragraphGap: 2 });
    }
  } else {
    doc.text('尚无施行中的公约。');
  }

  heading(doc, '表决结果');
  if (board.versions.length === 0) doc.text('尚无表决。');
  for (const v of board.versions) doc.text(voteLine(v), { paragraphGap: 4 });

  heading(doc, '公示期');
  if (board.noticePeriod.length === 0) doc.text('目前没有处于公示期的结果。');
  for (const v of board.noticePeriod) {
    const until = v.noticeUntil ? shanghaiDateTime(v.noticeUntil) : '';
    const from = v.effectiveFrom ? shanghaiDate(v.effectiveFrom) : '';
    doc.text(`第${v.number}版《${v.title}》公示至 ${until}；${from} 起施行。`);
  }

  heading(doc, '今日值班（红袖标）');
  if (board.onDuty.length === 0) doc.text('此刻无人签到值班。');
  for (const d of board.onDuty)
    doc.text(`${d.name}${GAP}${d.shiftName}${GAP}${d.since}–${d.until}`);

  heading(doc, '违约停车统计（近十二个月）');
  if (board.violationStats.length === 0) doc.text('近十二个月没有记录。');
  const months = [...new Set(board.violationStats.map((s) => s.month))];
  for (const month of months) {
    const parts = board.violationStats
      .filter((s) => s.month === month)
      .map((s) => `${KIND_WORDS[s.kind] ?? s.kind} ${s.count} 起`);
    doc.text(`${monthWords(month)}：${parts.join('，')}`);
  }

  heading(doc, '收支公示（近十二个月，元）');
  financeLines(doc, board.finance.months);

  pageNumbers(doc);
  return pdfBytes(doc);
}
