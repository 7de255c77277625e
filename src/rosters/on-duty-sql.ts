/**
 * "On duty at a moment" (值班中) as an SQL condition: signed in to a shift by `at` and neither
 * signed out nor past its end. `member` and `at` are the statement's placeholders (`$2`).
 * ShiftAssignmentRepository.isOnDuty uses it, so the rule is written once.
 *
 * Other features ask `RostersService.isOnDuty(tx, memberId, at)` inside their transaction. The
 * one exception is a scan's INSERT (src/scans/scan.repository.ts), which must judge and record in
 * one round trip (issue 15.5) and embeds this condition instead.
 */
export function onDutySql(member: string, at: string): string {
  return `EXISTS (SELECT 1 FROM shift_assignment
     WHERE member_id = ${member} AND signed_in_at <= ${at}::timestamptz
       AND ${at}::timestamptz < COALESCE(signed_out_at, ends_at))`;
}
