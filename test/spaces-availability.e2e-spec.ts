import { io, type Socket } from 'socket.io-client';
import { clockAtNext } from './support/clock';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

interface MapSpace {
  id: string;
  code: string;
  state: string;
  restrictedNow: string | null;
}
interface Counts {
  free: number;
  occupied: number;
  reserved: number;
  closed: number;
  total: number;
}
interface Snapshot {
  laneId: string;
  seq: number;
  spaces: MapSpace[];
  counts: Counts;
}
interface Update {
  seq: number;
  space: MapSpace;
  counts: Counts;
}

/**
 * Issue 17.5, one truth about free spaces: at 07:30 the refuse truck's window is in force on
 * XG-38, XG-39 and XG-40. The counts, the list of free spaces, the map, the live snapshot and
 * every push say the same thing, and the council's new restriction changes all of them at once.
 */
describe('one truth about free spaces while a restriction is in force', () => {
  let t: TestApp;
  let laneId: string;
  let admin: string;
  let warden: string;
  let resident: string;
  const space: Record<string, string> = {};
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    clockAtNext(t.app, '07:30');
    [{ id: laneId }] = (await t.sql<{ id: string }>(`SELECT id FROM lane`)) as [{ id: string }];
    for (const row of await t.sql<{ id: string; code: string }>(`SELECT id, code FROM space`))
      space[row.code] = row.id;
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    resident = await t.login(DEMO.resident);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  const as = (token: string, lang = 'zh-CN') => {
    const auth = { authorization: `Bearer ${token}`, 'accept-language': lang };
    return {
      get: (path: string) => t.http().get(path).set(auth),
      post: (path: string, body: object = {}) => t.http().post(path).set(auth).send(body),
    };
  };

  /** Every view of the lane right now, as the three readers get them. */
  async function everyView() {
    const availability = await as(resident).get(`/api/lanes/${laneId}/availability`).expect(200);
    const association = await as(resident).get(`/api/availability`).expect(200);
    const map = await as(warden).get(`/api/lanes/${laneId}/spaces`).expect(200);
    const publicMap = await as(resident).get(`/api/lanes/${laneId}/spaces`).expect(200);
    return {
      availability: availability.body as {
        counts: Counts;
        freeSpaces: { code: string }[];
        freeInWindow: number;
      },
      association: association.body as { counts: Counts; freeInWindow: number },
      map: map.body as Snapshot,
      publicMap: publicMap.body as Snapshot,
    };
  }

  function expectOneTruth(views: Awaited<ReturnType<typeof everyView>>, free: number): void {
    const listed = views.availability.freeSpaces.map((s) => s.code).sort();
    const drawn = (map: Snapshot) =>
      map.spaces
        .filter((s) => s.state === 'free')
        .map((s) => s.code)
        .sort();
    expect(views.availability.counts.free).toBe(free);
    expect(listed).toHaveLength(free);
    expect(views.availability.freeInWindow).toBe(free);
    expect(views.association.counts.free).toBe(free);
    expect(views.association.freeInWindow).toBe(free);
    expect(views.map.counts).toEqual(views.availability.counts);
    expect(views.publicMap.counts).toEqual(views.availability.counts);
    expect(drawn(views.map)).toEqual(listed);
    expect(drawn(views.publicMap)).toEqual(listed);
  }

  function follow(token: string): { snapshots: Snapshot[]; updates: Update[] } {
    const seen = { snapshots: [] as Snapshot[], updates: [] as Update[] };
    const socket = io(`${t.url}/live`, { auth: { token }, transports: ['websocket'] });
    sockets.push(socket);
    socket.on('snapshot', (s: Snapshot) => seen.snapshots.push(s));
    socket.on('space.updated', (u: Update) => seen.updates.push(u));
    socket.on('connect', () => void socket.emit('subscribe', { laneId }));
    return seen;
  }

  async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('at 07:30 the truck’s three spaces are closed in the counts, the lists, the maps and the snapshot', async () => {
    const views = await everyView();
    // 40 painted, 12 parked, XG-20 closed for good: 27 free at midday, 24 while the truck comes.
    expectOneTruth(views, 24);
    expect(views.availability.counts).toMatchObject({ total: 40, occupied: 12, closed: 4 });
    for (const code of ['XG-38', 'XG-39', 'XG-40']) {
      const drawn = views.map.spaces.find((s) => s.code === code)!;
      expect(drawn.state).toBe('closed');
      expect(drawn.restrictedNow).toContain('垃圾清运车');
      expect(views.availability.freeSpaces.map((s) => s.code)).not.toContain(code);
    }

    const staff = follow(warden);
    const neighbour = follow(resident);
    for (const seen of [staff, neighbour]) {
      const snapshot = await until(() => seen.snapshots[0], 'snapshot');
      expect(snapshot.counts).toEqual(views.availability.counts);
      expect(snapshot.spaces.filter((s) => s.state === 'free')).toHaveLength(24);
    }

    // A car parks: the push's counts are the counts the API gives right after.
    await as(warden)
      .post(`/api/spaces/${space['XG-01']}/check-in`, { plate: await idleCar() })
      .expect(200);
    for (const seen of [staff, neighbour]) {
      const update = await until(
        () => seen.updates.find((u) => u.space.code === 'XG-01'),
        'push of XG-01',
      );
      expect(update.counts.free).toBe(23);
    }
    expectOneTruth(await everyView(), 23);
  });

  it('the council restricts XG-21 from now: every view and every push drops it at once', async () => {
    const staff = follow(warden);
    await until(() => staff.snapshots[0], 'snapshot');
    const restricted = await as(admin)
      .post(`/api/spaces/${space['XG-21']}/restrictions`, {
        from: '07:00',
        to: '10:00',
        reason: '管道抢修 / pipe repair',
      })
      .expect(201);
    expect(restricted.body).toMatchObject({ code: 'XG-21', state: 'closed' });
    expect(restricted.body.restrictedNow).toContain('pipe repair');
    const update = await until(
      () => staff.updates.find((u) => u.space.code === 'XG-21'),
      'push of XG-21',
    );
    expect(update.space.state).toBe('closed');
    expect(update.counts.free).toBe(22);
    const views = await everyView();
    expectOneTruth(views, 22);
    expect(views.availability.freeSpaces.map((s) => s.code)).not.toContain('XG-21');
  });

  it('parking in a restricted space is refused, naming the space and the hours', async () => {
    const plate = await idleCar();
    const refused = await as(warden)
      .post(`/api/spaces/${space['XG-39']}/check-in`, { plate })
      .expect(409);
    expect(refused.body).toMatchObject({
      reason: 'space.restricted',
      params: { code: 'XG-39', from: '07:00', to: '09:00' },
      message: '车位XG-39在07:00至09:00禁停',
    });
    const inEnglish = await as(warden, 'en')
      .post(`/api/spaces/${space['XG-39']}/check-in`, { plate })
      .expect(409);
    expect(inEnglish.body.message).toBe('No parking at XG-39 from 07:00 to 09:00');
  });

  async function idleCar(): Promise<string> {
    const rows = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate LIMIT 1`,
    );
    return rows[0]!.plate;
  }
});
