// Pure: the roster (值班表) and the hours ledger (值班工时台账), one column definition each for
// their CSV and their workbook, in words and Beijing time.
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { yesNo } from '../common/ledger/ledger-words';
import type { Lang } from '../shared/i18n';
import { type Attendance, attendanceOf } from './attendance';
import type { Role } from '../auth/role';
import { isHiredWarden } from './rosters.policy';
import type { RosterLine } from './duty-shift.repository';

const HOUR_MS = 3_600_000;

export const ROSTER_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '日期', en: 'Date' }, width: 11, kind: 'date' },
  { header: { 'zh-CN': '班次', en: 'Shift' }, width: 14 },
  { header: { 'zh-CN': '类别', en: 'Kind' }, width: 9 },
  { header: { 'zh-CN': '开始', en: 'Starts' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '结束', en: 'Ends' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '姓名', en: 'Name' }, width: 10 },
  { header: { 'zh-CN': '签到', en: 'Signed in' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '签退', en: 'Signed out' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '迟到', en: 'Late' }, width: 6 },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 8 },
];

export const HOURS_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '姓名', en: 'Name' }, width: 10 },
  { header: { 'zh-CN': '角色', en: 'Role' }, width: 8 },
  { header: { 'zh-CN': '班次数', en: 'Shifts' }, width: 7, kind: 'number' },
  { header: { 'zh-CN': '排班小时', en: 'Hours scheduled' }, width: 9, kind: 'number' },
  { header: { 'zh-CN': '在岗小时', en: 'Hours on duty' }, width: 9, kind: 'number' },
  { header: { 'zh-CN': '迟到次数', en: 'Times late' }, width: 9, kind: 'number' },
  { header: { 'zh-CN': '缺勤次数', en: 'Times missed' }, width: 9, kind: 'number' },
];

const KIND_WORDS: Record<RosterLine['kind'], Record<Lang, string>> = {
  warden: { 'zh-CN': '红袖标', en: 'warden' },
  volunteer: { 'zh-CN': '文明劝导', en: 'persuasion' },
};

const ATTENDANCE_WORDS: Record<Attendance, Record<Lang, string>> = {
  upcoming: { 'zh-CN': '未开始', en: 'upcoming' },
  absent: { 'zh-CN': '未签到', en: 'not signed in' },
  on_duty: { 'zh-CN': '在岗', en: 'on duty' },
  done: { 'zh-CN': '已完成', en: 'done' },
  missed: { 'zh-CN': '缺勤', en: 'missed' },
};

const UNSTAFFED: Record<Lang, string> = { 'zh-CN': '无人值班', en: 'nobody on it' };

/** One person on a shift; a shift nobody is on is one row too (the list shows it, a gap). */
export function rosterLedgerRow(r: RosterLine, now: Date, lang: Lang): LedgerCell[] {
  const attendance = attendanceOf(
    {
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      signedInAt: r.signed_in_at,
      signedOutAt: r.signed_out_at,
    },
    now,
  );
  return [
    r.starts_at,
    r.name,
    KIND_WORDS[r.kind]?.[lang] ?? r.kind,
    r.starts_at,
    r.ends_at,
    r.member_name,
    r.signed_in_at,
    r.signed_out_at,
    r.late ? yesNo(true, lang) : '',
    r.assignment_id ? ATTENDANCE_WORDS[attendance][lang] : UNSTAFFED[lang],
  ];
}

interface PersonHours {
  name: string;
  role: Role;
  shifts: number;
  scheduled: number;
  worked: number;
  late: number;
  missed: number;
}

/**
 * Per person: shifts and hours scheduled, hours signed in, late and missed counts. Summed as the
 * roster is read, batch by batch: what it holds grows with the people, not with the shifts.
 */
export async function hoursLedgerRows(
  batches: AsyncIterable<RosterLine[]>,
  now: Date,
  lang: Lang,
): Promise<LedgerCell[][]> {
  const people = new Map<string, PersonHours>();
  for await (const batch of batches) {
    for (const r of batch) addShift(people, r, now);
  }
  const hired: Record<Lang, string> = { 'zh-CN': '红袖标', en: 'warden' };
  const volunteer: Record<Lang, string> = { 'zh-CN': '志愿者', en: 'volunteer' };
  return [...people.values()]
    .sort((a, b) => b.scheduled - a.scheduled || a.name.localeCompare(b.name))
    .map((p) => [
      p.name,
      (isHiredWarden(p) ? hired : volunteer)[lang],
      p.shifts,
      Math.round(p.scheduled * 10) / 10,
      Math.round(p.worked * 10) / 10,
      p.late,
      p.missed,
    ]);
}

function addShift(people: Map<string, PersonHours>, r: RosterLine, now: Date): void {
  if (!r.member_id) return; // a shift nobody is on: no one's hours
  const person = people.get(r.member_id) ?? {
    name: r.member_name ?? '',
    role: r.role!,
    shifts: 0,
    scheduled: 0,
    worked: 0,
    late: 0,
    missed: 0,
  };
  people.set(r.member_id, person);
  person.shifts++;
  person.scheduled += (r.ends_at.getTime() - r.starts_at.getTime()) / HOUR_MS;
  if (r.signed_in_at) {
    const out = r.signed_out_at ?? (now < r.ends_at ? now : r.ends_at);
    person.worked += Math.max(0, out.getTime() - r.signed_in_at.getTime()) / HOUR_MS;
  } else if (now >= r.ends_at) {
    person.missed++;
  }
  if (r.late) person.late++;
}
