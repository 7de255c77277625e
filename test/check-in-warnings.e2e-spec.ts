import { io } from 'socket.io-client';
import { Clock } from '../src/common/clock';
import { RestrictionRemindersService } from '../src/spaces/restriction-reminders.service';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** The next 19:30 in Beijing after the real now. */
function nextEvening(): Date {
  const now = new Date();
  const beijingDay = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const evening = new Date(`${beijingDay}T19:30:00+08:00`);
  return evening > now ? evening : new Date(evening.getTime() + 86_400_000);
}

/**
 * A visiting car is checked in at 19:30 into a space the refuse truck needs at 07:00. The
 * check-in succeeds, and says when the car must be gone and why; a space without a restriction
 * ahead says nothing of the kind.
 */
describe('warn before a restriction', () => {
  let t: TestApp;
  let warden: string;
  let space: Record<string, string>;
  let refuseTruckSpaces: string[];
  const evening = nextEvening();

  beforeAll(async () => {
    // The test drives the reminders itself.
    process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS = '0';
    t = await startTestApp();
    delete process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(evening));
    warden = await t.login(DEMO.wardens[0]);
    const rows = await t.sql<{ id: string; code: string; restricted: boolean }>(
      `SELECT s.id, s.code, EXISTS (SELECT 1 FROM space_restriction r WHERE r.space_id = s.id) AS restricted
         FROM space s
        WHERE s.availability = 'open'
          AND NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
        ORDER BY s.code`,
    );
    space = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    refuseTruckSpaces = rows.filter((r) => r.restricted).map((r) => r.code);
  }, 120_000);
  afterAll(() => t.close());

  const checkIn = (code: string, plate: string) =>
    t
      .http()
      .post(`/api/spaces/${space[code]}/check-in`)
      .set('authorization', `Bearer ${warden}`)
      .send({ plate });

  it('answers 200 with the restriction that starts within 12 hours', async () => {
    const code = refuseTruckSpaces[0]!;
    const parked = await checkIn(code, '京Q·7A123');
    expect(parked.status).toBe(200);
    expect(parked.body.state).toBe('occupied');
    const tomorrowSeven = new Date(evening.getTime() + 11.5 * 3_600_000);
    expect(parked.body.warnings).toContainEqual({
      reason: 'restriction',
      from: tomorrowSeven.toISOString(),
      to: new Date(tomorrowSeven.getTime() + 2 * 3_600_000).toISOString(),
      article: null,
      note: expect.stringContaining('垃圾'),
    });
  });

  it('says nothing of a restriction where none is ahead', async () => {
    const code = Object.keys(space).find((c) => !refuseTruckSpaces.includes(c))!;
    const parked = await checkIn(code, '京Q·7A124');
    expect(parked.status).toBe(200);
    expect(
      (parked.body.warnings as { reason: string }[]).filter((w) => w.reason === 'restriction'),
    ).toEqual([]);
  });

  it('reminds the household on its live connection 30 minutes before, once', async () => {
    const [car] = await t.sql<{ plate: string; phone: string }>(
      `SELECT v.plate, m.phone FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.role = 'resident'
          AND NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
        ORDER BY m.phone LIMIT 1`,
    );
    const code = refuseTruckSpaces[1]!;
    expect((await checkIn(code, car!.plate)).status).toBe(200);
    const household = io(`${t.url}/live`, {
      auth: { token: await t.login(car!.phone) },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      const heard = new Promise<Record<string, unknown>>((resolve) =>
        household.on('space.restriction-soon', resolve),
      );
      await new Promise<void>((resolve, reject) => {
        household.once('connect', () => resolve());
        household.once('connect_error', reject);
      });
      const reminders = t.app.get(RestrictionRemindersService);
      const seven = new Date(evening.getTime() + 11.5 * 3_600_000);
      expect(await reminders.runDue(new Date(seven.getTime() - 40 * 60_000))).toBe(0);
      expect(await reminders.runDue(new Date(seven.getTime() - 29 * 60_000))).toBeGreaterThan(0);
      expect(await heard).toMatchObject({
        code,
        reason: 'restriction',
        from: seven.toISOString(),
        note: expect.stringContaining('垃圾'),
      });
      // Once per start, whichever instance runs next.
      expect(await reminders.runDue(new Date(seven.getTime() - 20 * 60_000))).toBe(0);
    } finally {
      household.close();
    }
  });
});
