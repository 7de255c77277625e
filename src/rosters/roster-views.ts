// Rows → response views. Only names leave here, never phones: the roster is read by the street
// office and pushed to every member of the association.

import { hhmm } from '../common/shanghai-time';
import { attendanceOf } from './attendance';
import type { CoverageSegment } from './coverage';
import type { DutyRequirement } from './duty-requirement.repository';
import type {
  CoverageGapView,
  DutyRequirementView,
  OnDutyView,
  ShiftTemplateView,
} from './dto/roster.view';
import type { ShiftKind } from './generation';
import type { HandoverNote } from './handover-note.repository';
import type { OnDutyRow } from './shift-assignment.repository';
import type { ShiftTemplate } from './shift-template.repository';
import type {
  AssignmentResponse,
  HandoverNoteResponse,
  ShiftResponse,
} from '../shared/api/rosters';

/** A shift joined with one of its assignments (or none): what DutyShiftRepository's views read. */
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

export function toShiftViews(rows: ShiftRow[], now: Date): ShiftResponse[] {
  const shifts = new Map<string, ShiftResponse>();
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

export function toAssignmentView(row: ShiftRow, now: Date): AssignmentResponse {
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
    requirementId: gap.requirementId,
    article: gap.article,
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

export function toOnDutyView(row: OnDutyRow): OnDutyView {
  return {
    memberId: row.memberId,
    name: row.name,
    kind: row.kind,
    shiftId: row.shiftId,
    shiftName: row.shiftName,
    since: row.signedInAt.toISOString(),
    until: row.endsAt.toISOString(),
  };
}

export function toNoteView(note: HandoverNote): HandoverNoteResponse {
  return { ...note, createdAt: note.createdAt.toISOString() };
}

export function toRequirementView(requirement: DutyRequirement): DutyRequirementView {
  return {
    id: requirement.id,
    name: requirement.name,
    kind: requirement.kind,
    weekdays: requirement.weekdays,
    from: hhmm(requirement.startMinute),
    to: hhmm(requirement.endMinute),
    people: requirement.people,
    article: requirement.articleNumber,
  };
}
