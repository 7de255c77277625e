import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/role';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { shanghaiDate, shanghaiDateTime } from '../common/shanghai-time';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import { attendanceOf } from './attendance';
import type { RosterPeriodQuery } from './dto/roster.dto';
import { periodOf } from './period';
import { isHiredWarden } from './rosters.policy';
import { type LedgerRow, ShiftAssignmentRepository } from './shift-assignment.repository';

const ATTENDANCE_ZH = {
  upcoming: '未开始',
  absent: '未签到',
  on_duty: '在岗',
  done: '已完成',
  missed: '缺勤',
} as const;

/**
 * 台账: the roster and the hours ledger as CSV, with a BOM so spreadsheets read the Chinese.
 * Shift and member names are user text: every cell goes through spreadsheetSafe, so a name like
 * =HYPERLINK(...) opens as text, never as a formula.
 */
@Injectable()
export class RosterLedgerService {
  constructor(
    private readonly assignments: ShiftAssignmentRepository,
    private readonly clock: Clock,
  ) {}

  async rosterCsv(actor: Actor, query: RosterPeriodQuery): Promise<string> {
    const rows = await this.rows(actor, query);
    const now = this.clock.now();
    return this.csv(
      ['日期', '班次', '类别', '开始', '结束', '姓名', '签到', '签退', '迟到', '状态'],
      rows.map((r) => [
        shanghaiDate(r.starts_at),
        r.shift_name,
        r.kind === 'warden' ? '红袖标' : '文明劝导',
        shanghaiDateTime(r.starts_at),
        shanghaiDateTime(r.ends_at),
        r.member_name,
        r.signed_in_at ? shanghaiDateTime(r.signed_in_at) : '',
        r.signed_out_at ? shanghaiDateTime(r.signed_out_at) : '',
        r.late ? '是' : '',
        ATTENDANCE_ZH[
          attendanceOf(
            {
              startsAt: r.starts_at,
              endsAt: r.ends_at,
              signedInAt: r.signed_in_at,
              signedOutAt: r.signed_out_at,
            },
            now,
          )
        ],
      ]),
    );
  }

  /** Per person: shifts and hours scheduled, hours signed in, late and missed counts. */
  async hoursCsv(actor: Actor, query: RosterPeriodQuery): Promise<string> {
    const rows = await this.rows(actor, query);
    const now = this.clock.now();
    const people = new Map<
      string,
      {
        name: string;
        role: Role;
        shifts: number;
        scheduled: number;
        worked: number;
        late: number;
        missed: number;
      }
    >();
    for (const r of rows) {
      const person = people.get(r.member_id) ?? {
        name: r.member_name,
        role: r.role,
        shifts: 0,
        scheduled: 0,
        worked: 0,
        late: 0,
        missed: 0,
      };
      people.set(r.member_id, person);
      person.shifts++;
      person.scheduled += (r.ends_at.getTime() - r.starts_at.getTime()) / 3_600_000;
      if (r.signed_in_at) {
        const out = r.signed_out_at ?? (now < r.ends_at ? now : r.ends_at);
        person.worked += Math.max(0, out.getTime() - r.signed_in_at.getTime()) / 3_600_000;
      } else if (now >= r.ends_at) {
        person.missed++;
      }
      if (r.late) person.late++;
    }
    return this.csv(
      ['姓名', '角色', '班次数', '排班小时', '在岗小时', '迟到次数', '缺勤次数'],
      [...people.values()]
        .sort((a, b) => b.scheduled - a.scheduled || a.name.localeCompare(b.name))
        .map((p) => [
          p.name,
          isHiredWarden(p) ? '红袖标' : '志愿者',
          p.shifts,
          p.scheduled.toFixed(1),
          p.worked.toFixed(1),
          p.late,
          p.missed,
        ]),
    );
  }

  private async rows(actor: Actor, query: RosterPeriodQuery): Promise<LedgerRow[]> {
    const associationId = associationToRead(actor, query.associationId);
    return this.assignments.ledgerRows(associationId, periodOf(query.from, query.to, 366));
  }

  private csv(header: string[], rows: (string | number)[][]): string {
    const cells = rows.map((row) => row.map((cell) => spreadsheetSafe(String(cell))));
    return '\uFEFF' + stringify([header, ...cells]);
  }
}
