// Rows → response views. Only names leave here, never phones: the roster is read by the street
// office and pushed to every member of the association.

import { attendanceOf } from './attendance';
import type { CoverageSegment } from './coverage';
import type {
  AssignmentView,
  CoverageGapView,
  ShiftTemplateView,
  ShiftView,
} from './dto/roster.view';
import type { ShiftKind } from './generation';
import { hhmm } from '../common/shanghai-time';
import type { ShiftTemplate } from './shift-template.entity';

export interface ShiftRow {
  id: string;
  name: string;
  kind: ShiftKind;
  starts_at: Date;
  ends_at: Date;
  min_on_duty: number;
  lane_ids: string[];
  assignment_id: string | null;
  member_id: string | null;
  member_name: string | null;
  signed_in_at: Date | null;
  signed_out_at: Date | null;
  late: boolean | null;
}

/** Shifts with the people on them, from the rows of shift LEFT JOIN assignment, in row order. */
export const SHIFT_ROWS_SQL = `
  SELECT s.id, s.name, s.kind, s.starts_at, s.ends_at, s.min_on_duty, s.lane_ids,
         a.id AS assignment_id, a.member_id, m.name AS member_name,
         a.signed_in_at, a.signed_out_at, a.late
    FROM duty_shift s
    LEFT JOIN shift_assignment a ON a.shift_id = s.id
    LEFT JOIN member m ON m.id = a.member_id`;

export function toShiftViews(rows: ShiftRow[], now: Date): ShiftView[] {
  const shifts = new Map<string, ShiftView>();
  for (const row of rows) {
    let shift = shifts.get(row.id);
    if (!shift) {
      shift = {
        id: row.id,
        name: row.name,
        kind: row.kind,
        from: row.starts_at.toISOString(),
        to: row.ends_at.toISOString(),
        required: row.min_on_duty,
        laneIds: row.lane_ids,
        assignments: [],
      };
      shifts.set(row.id, shift);
    }
    if (row.assignment_id) shift.assignments.push(toAssignmentView(row, now));
  }
  return [...shifts.values()];
}

export function toAssignmentView(row: ShiftRow, now: Date): AssignmentView {
  return {
    id: row.assignment_id!,
    shiftId: row.id,
    memberId: row.member_id!,
    memberName: row.member_name ?? '',
    attendance: attendanceOf(
      {
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        signedInAt: row.signed_in_at,
        signedOutAt: row.signed_out_at,
      },
      now,
    ),
    late: row.late ?? false,
    signedInAt: row.signed_in_at?.toISOString() ?? null,
    signedOutAt: row.signed_out_at?.toISOString() ?? null,
  };
}

export function toGapView(gap: CoverageSegment): CoverageGapView {
  return {
    from: gap.from.toISOString(),
    to: gap.to.toISOString(),
    scheduled: gap.scheduled,
    required: gap.required,
    kind: gap.track,
  };
}

export function toTemplateView(template: ShiftTemplate): ShiftTemplateView {
  return {
    id: template.id,
    name: template.name,
    kind: template.kind,
    start: hhmm(template.startMinute),
    durationMinutes: template.durationMinutes,
    weekdays: template.weekdays,
    minOnDuty: template.minOnDuty,
    laneIds: template.laneIds,
    active: template.active,
  };
}
