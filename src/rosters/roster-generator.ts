// Generates and saves a roster for a period inside the caller's transaction. Used by the
// council's "generate" and by the demo seed, so both follow the same rules.

import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Interval } from './coverage';
import { type BusyTime, planRoster, type RosterPlan, type ShiftKind } from './generation';
import { DAY_MS } from '../common/shanghai-time';

export interface GeneratedRoster {
  plan: RosterPlan;
  names: Map<string, string>;
  shifts: number;
  assignments: number;
}

export async function generateRoster(
  em: EntityManager,
  associationId: string,
  period: Interval,
): Promise<GeneratedRoster> {
  const templates: {
    id: string;
    kind: ShiftKind;
    start_minute: number;
    duration_minutes: number;
    weekdays: number[];
    min_on_duty: number;
  }[] = await em.query(
    `SELECT id, kind, start_minute, duration_minutes, weekdays, min_on_duty
       FROM shift_template WHERE association_id = $1 AND active ORDER BY start_minute, name`,
    [associationId],
  );
  if (templates.length === 0) {
    throw DomainError.invalid('尚未设置班次模板 / set up shift templates first');
  }
  const existing: unknown[] = await em.query(
    `SELECT 1 FROM duty_shift
      WHERE association_id = $1 AND template_id IS NOT NULL AND starts_at >= $2 AND starts_at < $3
      LIMIT 1`,
    [associationId, period.from, period.to],
  );
  if (existing.length > 0) {
    throw DomainError.conflict(
      '此时段已排过班, 请手工调整 / a roster was already generated for part of this period; adjust it by hand',
    );
  }

  const people: { id: string; name: string; role: string; volunteer: boolean }[] = await em.query(
    `SELECT id, name, role, volunteer FROM member
      WHERE association_id = $1 AND active AND (role = 'warden' OR volunteer)
      ORDER BY created_at, id`,
    [associationId],
  );
  // Shifts reaching into the period from either side still keep their people busy.
  const around = [new Date(period.from.getTime() - DAY_MS), new Date(period.to.getTime() + DAY_MS)];
  const busyRows: { member_id: string; starts_at: Date; ends_at: Date }[] = await em.query(
    `SELECT member_id, starts_at, ends_at FROM member_unavailability
      WHERE association_id = $1 AND starts_at < $3 AND ends_at > $2
     UNION ALL
     SELECT member_id, starts_at, ends_at FROM shift_assignment
      WHERE association_id = $1 AND starts_at < $3 AND ends_at > $2`,
    [associationId, around[0], around[1]],
  );
  const busy: BusyTime[] = busyRows.map((b) => ({
    memberId: b.member_id,
    from: b.starts_at,
    to: b.ends_at,
  }));

  const plan = planRoster({
    period,
    templates: templates.map((t) => ({
      id: t.id,
      kind: t.kind,
      startMinute: t.start_minute,
      durationMinutes: t.duration_minutes,
      weekdays: t.weekdays,
      minOnDuty: t.min_on_duty,
    })),
    wardenIds: people.filter((p) => p.role === 'warden').map((p) => p.id),
    volunteerIds: people.filter((p) => p.role !== 'warden' && p.volunteer).map((p) => p.id),
    busy,
  });

  const saved: { id: string; template_id: string; starts_at: Date }[] = plan.shifts.length
    ? await em.query(
        `INSERT INTO duty_shift
           (association_id, template_id, kind, name, starts_at, ends_at, min_on_duty, lane_ids)
         SELECT $1, t.id, t.kind, t.name, x.starts_at,
                x.starts_at + make_interval(mins => t.duration_minutes), t.min_on_duty, t.lane_ids
           FROM unnest($2::uuid[], $3::timestamptz[]) AS x(template_id, starts_at)
           JOIN shift_template t ON t.id = x.template_id
         RETURNING id, template_id, starts_at`,
        [associationId, plan.shifts.map((s) => s.templateId), plan.shifts.map((s) => s.from)],
      )
    : [];
  const shiftIds = new Map(saved.map((s) => [`${s.template_id}|${s.starts_at.getTime()}`, s.id]));
  const seats = plan.shifts.flatMap((s) =>
    s.memberIds.map((memberId) => ({
      shiftId: shiftIds.get(`${s.templateId}|${s.from.getTime()}`)!,
      memberId,
    })),
  );
  if (seats.length) {
    await em.query(
      `INSERT INTO shift_assignment (association_id, shift_id, member_id)
       SELECT $1, x.shift_id, x.member_id FROM unnest($2::uuid[], $3::uuid[]) AS x(shift_id, member_id)`,
      [associationId, seats.map((s) => s.shiftId), seats.map((s) => s.memberId)],
    );
  }
  return {
    plan,
    names: new Map(people.map((p) => [p.id, p.name])),
    shifts: saved.length,
    assignments: seats.length,
  };
}
