/**
 * "On duty at a moment" (值班中) as an SQL condition, for a statement that records what a warden
 * did and whether they were on duty in one round trip (a scan is the hot path): signed in to a
 * shift by `at` and neither signed out nor past its end. `member` and `at` are the statement's
 * placeholders (`$2`). RostersService.isOnDuty uses it too, so the rule is written once.
 */
export function onDutySql(member: string, at: string): string {
  return `EXISTS (SELECT 1 FROM shift_assignment
     WHERE member_id = ${member} AND signed_in_at <= ${at}::timestamptz
       AND ${at}::timestamptz < COALESCE(signed_out_at, ends_at))`;
}
