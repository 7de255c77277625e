import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { DemoSeed } from '../database/demo-seed';

const DAY_MS = 86_400_000;
// Household numbers (下岗胡同N号) with a story in the demo.
const EXPIRED_HOUSEHOLD = 5;
const SUSPENDED_HOUSEHOLD = 7;
const APPLYING_HOUSEHOLDS = new Set([35, 36]);
const VISITOR_HOUSEHOLD = 1;

/**
 * Most cars of the demo lane hold an active resident permit; 5号's has expired, 7号's is
 * suspended for blocking a courtyard gate, 35号 and 36号 are still waiting for approval, and
 * 1号 issued a visitor pass for today. Tokens are signed on first view, by the live key.
 */
export async function seedPermitsDemo(em: EntityManager, demo: AssociationDemo, now: Date) {
  const year = {
    from: new Date(now.getTime() - 60 * DAY_MS),
    to: new Date(now.getTime() + 305 * DAY_MS),
  };
  for (const [index, household] of demo.households.entries()) {
    const n = index + 1;
    for (const vehicleId of household.vehicleIds) {
      const pending = APPLYING_HOUSEHOLDS.has(n);
      const validTo = n === EXPIRED_HOUSEHOLD ? new Date(now.getTime() - 10 * DAY_MS) : year.to;
      const validFrom =
        n === EXPIRED_HOUSEHOLD ? new Date(now.getTime() - 375 * DAY_MS) : year.from;
      const rows: { id: string }[] = await em.query(
        `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, status,
            valid_from, valid_to, applied_by, created_at, updated_at)
         SELECT $1, 'resident', v.id, v.household_id, v.plate, $3, $4, $5, $6, $4, $4
           FROM vehicle v WHERE v.id = $2
         RETURNING id`,
        [
          demo.associationId,
          vehicleId,
          pending ? 'pending' : 'active',
          validFrom,
          validTo,
          household.residentId,
        ],
      );
      const permitId = rows[0]!.id;
      await event(em, demo, permitId, 'applied', household.residentId, '', validFrom);
      if (pending) continue;
      await event(em, demo, permitId, 'approved', demo.adminId, '', validFrom);
      if (n === SUSPENDED_HOUSEHOLD) {
        const until = new Date(now.getTime() + 5 * DAY_MS);
        const reason = '第三次堵住院门，暂停一周';
        await em.query(
          `UPDATE permit SET suspended_until = $2, suspension_reason = $3 WHERE id = $1`,
          [permitId, until, reason],
        );
        await event(
          em,
          demo,
          permitId,
          'suspended',
          demo.adminId,
          reason,
          new Date(now.getTime() - 2 * DAY_MS),
          { until },
        );
      }
    }
  }
  const visitorHousehold = demo.households[VISITOR_HOUSEHOLD - 1]!;
  const dayStart = new Date(now.getTime() - ((now.getTime() + 8 * 3_600_000) % DAY_MS));
  const rows: { id: string }[] = await em.query(
    `INSERT INTO permit (association_id, kind, household_id, plate, status, valid_from, valid_to,
        guest_token, applied_by, note, created_at, updated_at)
     VALUES ($1, 'visitor', $2, '京N6B217', 'active', $3, $4, $5, $6, '女儿回家看望', $7, $7)
     RETURNING id`,
    [
      demo.associationId,
      visitorHousehold.id,
      dayStart,
      new Date(dayStart.getTime() + DAY_MS),
      'demo-guest-4143-xiagang1',
      visitorHousehold.residentId,
      now,
    ],
  );
  await event(em, demo, rows[0]!.id, 'issued', visitorHousehold.residentId, '女儿回家看望', now);
}

async function event(
  em: EntityManager,
  demo: AssociationDemo,
  permitId: string,
  type: string,
  actorId: string,
  reason: string,
  at: Date,
  details: Record<string, unknown> = {},
) {
  await em.query(
    `INSERT INTO permit_event (permit_id, association_id, type, actor_member_id, reason, details, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [permitId, demo.associationId, type, actorId, reason, details, at],
  );
}

export const permitsDemoSeed = DemoSeed.provider({
  feature: 'permits',
  order: 50,
  seed: (demo) => seedPermitsDemo(demo.tx, demo.get(DEMO_LANE), demo.now),
});
