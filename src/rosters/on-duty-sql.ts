/**
 * "On duty at a moment" (值班中) as an SQL condition: signed in to a shift by `at` and neither
 * signed out nor past its end. `member` and `at` are the statement's placeholders (`$2`).
 * ShiftAssignmentRepository.isOnDuty uses it, so the rule is written once.
 *
 * @deprecated for other features: ask `RostersService.isOnDuty(tx, memberId, at)` inside your
 * transaction instead of embedding roster tables in your SQL. Kept until permits' scan INSERT
 * (src/permits/scans/scans.service.ts) has switched.
 */
export function onDutySql(member: string, at: string): string {
  return `EXISTS (SELECT 1 FROM shift_assignment
     WHERE member_id = ${member} AND signed_in_at <= ${at}::timestamptz
       AND ${at}::timestamptz < COALESCE(signed_out_at, ends_at))`;
}
