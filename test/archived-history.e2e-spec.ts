import { OutboxService } from '../src/common/outbox/outbox.service';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 15.2: the council removes a car or a household from the register, and the lane's history
 * stays: permits, their scans, occupancy sessions and violations are kept (the permits in force
 * are revoked, with a ledger row); the plate and the address are free for whoever registers next.
 */
describe('removing a vehicle or household archives it and keeps its history', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  const one = async <T>(sql: string, params: unknown[] = []) => (await t.sql<T>(sql, params))[0]!;
  const count = async (sql: string, params: unknown[]) =>
    Number((await one<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).n);

  it('a vehicle: gone from the register, its permit, scan, session and violation kept', async () => {
    const vehicle = await one<{ id: string; household_id: string; permit_id: string }>(
      `SELECT v.id, v.household_id, p.id AS permit_id FROM vehicle v
         JOIN permit p ON p.vehicle_id = v.id AND p.status = 'active'
        WHERE v.plate = '京B67M21'`,
    );
    const scanner = await one<{ id: string; association_id: string }>(
      `SELECT id, association_id FROM member WHERE phone = $1`,
      [DEMO.wardens[0]],
    );
    await t.sql(
      `INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, permit_id, method,
         verdict, reason, scanned_at)
       VALUES ($1, $2, 'archive-test', $3, 'number', 'valid', 'valid', now())`,
      [scanner.association_id, scanner.id, vehicle.permit_id],
    );
    const before = {
      sessions: await count(`occupancy_session WHERE vehicle_id = $1`, [vehicle.id]),
      violations: await count(`violation WHERE vehicle_id = $1`, [vehicle.id]),
    };
    expect(before.sessions).toBeGreaterThan(0);
    expect(before.violations).toBeGreaterThan(0);

    await t
      .http()
      .delete(`/api/vehicles/${vehicle.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(204);
    await t.app.get(OutboxService).drain();

    await t.http().get(`/api/vehicles/${vehicle.id}`).auth(admin, { type: 'bearer' }).expect(404);
    const list = await t
      .http()
      .get(`/api/vehicles?plate=B67M21`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(list.body.items).toEqual([]);
    expect(await count(`vehicle WHERE id = $1 AND archived_at IS NOT NULL`, [vehicle.id])).toBe(1);
    expect(await count(`occupancy_session WHERE vehicle_id = $1`, [vehicle.id])).toBe(
      before.sessions,
    );
    expect(await count(`violation WHERE vehicle_id = $1`, [vehicle.id])).toBe(before.violations);
    expect(await count(`permit_scan WHERE permit_id = $1`, [vehicle.permit_id])).toBe(1);
    const permit = await one<{ status: string }>(`SELECT status FROM permit WHERE id = $1`, [
      vehicle.permit_id,
    ]);
    expect(permit.status).toBe('revoked');
    expect(
      await count(`permit_event WHERE permit_id = $1 AND type = 'revoked'`, [vehicle.permit_id]),
    ).toBe(1);

    // The plate is free again: the same car registered anew is a new row.
    const again = await t
      .http()
      .post('/api/vehicles')
      .auth(admin, { type: 'bearer' })
      .send({ householdId: vehicle.household_id, plate: '京B67M21', plateColor: 'blue' })
      .expect(201);
    expect(again.body.id).not.toBe(vehicle.id);
  });

  it('the database refuses a hard delete that would lose history', async () => {
    const { id } = await one<{ id: string }>(`SELECT id FROM vehicle WHERE plate = '京C3K889'`);
    await expect(t.sql(`DELETE FROM vehicle WHERE id = $1`, [id])).rejects.toThrow(
      /foreign key constraint/,
    );
  });

  it('a household: its vehicles archived, members kept without it, permits revoked', async () => {
    const household = await one<{ id: string }>(
      `SELECT id FROM household WHERE address = '下岗胡同3号'`,
    );
    const permits = await t.sql<{ id: string }>(`SELECT id FROM permit WHERE household_id = $1`, [
      household.id,
    ]);
    expect(permits.length).toBeGreaterThan(0);

    await t
      .http()
      .delete(`/api/households/${household.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(204);
    await t.app.get(OutboxService).drain();

    await t
      .http()
      .get(`/api/households/${household.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
    expect(
      await count(`vehicle WHERE household_id = $1 AND archived_at IS NULL`, [household.id]),
    ).toBe(0);
    expect(await count(`vehicle WHERE household_id = $1`, [household.id])).toBe(2);
    expect(await count(`member WHERE household_id = $1`, [household.id])).toBe(0);
    expect(await count(`member WHERE phone = '13800000012'`, [])).toBe(1);
    const statuses = await t.sql<{ status: string }>(
      `SELECT status FROM permit WHERE household_id = $1`,
      [household.id],
    );
    expect(statuses.map((p) => p.status)).toEqual(permits.map(() => 'revoked'));

    // The address may be registered again.
    await t
      .http()
      .post('/api/households')
      .auth(admin, { type: 'bearer' })
      .send({ address: '下岗胡同3号' })
      .expect(201);
  });
});
