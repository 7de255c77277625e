import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, type Socket } from 'socket.io-client';
import { createApp } from '../src/bootstrap';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

interface Snapshot {
  laneId: string;
  seq: number;
  spaces: {
    id: string;
    code: string;
    state: string;
    occupant: { plate: string; mine: boolean } | null;
  }[];
  counts: { free: number; occupied: number };
}
interface Update {
  laneId: string;
  seq: number;
  space: Snapshot['spaces'][number];
  counts: Snapshot['counts'];
}

/** A socket.io-client that records what it receives, as the warden's phone would. */
class Phone {
  readonly snapshots: Snapshot[] = [];
  readonly updates: Update[] = [];
  readonly socket: Socket;

  constructor(
    url: string,
    token: string | undefined,
    options: { reconnect?: boolean; lang?: string } = {},
  ) {
    this.socket = io(`${url}/live`, {
      auth: { ...(token ? { token } : {}), ...(options.lang ? { lang: options.lang } : {}) },
      transports: ['websocket'],
      reconnection: options.reconnect ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 200,
    });
    this.socket.on('snapshot', (s: Snapshot) => this.snapshots.push(s));
    this.socket.on('space.updated', (u: Update) => this.updates.push(u));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  subscribe(
    body: object,
  ): Promise<{ ok: boolean; error?: { statusCode: number; message: string } }> {
    return this.socket.timeout(5000).emitWithAck('subscribe', body);
  }

  async until<T>(probe: () => T | undefined, what: string, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

describe('live space map over Socket.IO', () => {
  let t: TestApp;
  let laneId: string;
  const space: Record<string, string> = {};
  const phones: Phone[] = [];
  const phone = (url: string, token?: string, options?: { reconnect?: boolean; lang?: string }) => {
    const p = new Phone(url, token, options);
    phones.push(p);
    return p;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: laneId }] = (await t.sql<{ id: string }>(`SELECT id FROM lane`)) as [{ id: string }];
    for (const row of await t.sql<{ id: string; code: string }>(`SELECT id, code FROM space`))
      space[row.code] = row.id;
  });
  afterEach(() => phones.splice(0).forEach((p) => p.close()));
  afterAll(() => t.close());

  async function idleCar(skip = 0): Promise<string> {
    const rows = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate OFFSET $1 LIMIT 1`,
      [skip],
    );
    return rows[0]!.plate;
  }

  async function checkIn(code: string, plate: string, via = t.http()) {
    const token = await t.login(DEMO.wardens[1]);
    return via
      .post(`/api/spaces/${space[code]}/check-in`)
      .set('authorization', `Bearer ${token}`)
      .send({ plate })
      .expect(200);
  }
  async function checkOut(code: string) {
    const token = await t.login(DEMO.wardens[1]);
    await t
      .http()
      .post(`/api/spaces/${space[code]}/check-out`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
  }

  it('refuses an anonymous or forged connection at the handshake, in the phone’s language', async () => {
    const refusal = (p: Phone) =>
      p.connected().then(
        () => null,
        (error: Error & { data?: unknown }) => ({ message: error.message, data: error.data }),
      );
    expect(await refusal(phone(t.url, undefined))).toEqual({
      message: '请先登录',
      data: expect.objectContaining({ reason: 'auth.login_required', message: '请先登录' }),
    });
    expect(await refusal(phone(t.url, 'not.a.token'))).toEqual({
      message: '登录凭证无效，请重新登录',
      data: expect.objectContaining({
        statusCode: 401,
        reason: 'auth.token_invalid',
        message: '登录凭证无效，请重新登录',
      }),
    });
    expect(await refusal(phone(t.url, 'not.a.token', { lang: 'en' }))).toEqual({
      message: 'Your login is not valid; please log in again',
      data: expect.objectContaining({ reason: 'auth.token_invalid' }),
    });
  });

  it('a warden subscribes, gets the snapshot with plates, then every change in seq order', async () => {
    const warden = phone(t.url, await t.login(DEMO.wardens[0]));
    await warden.connected();
    const ack = await warden.subscribe({ laneId });
    expect(ack).toMatchObject({ ok: true });
    const snapshot = warden.snapshots[0]!;
    expect(snapshot.spaces).toHaveLength(40);
    expect(snapshot.spaces.some((s) => s.occupant?.plate)).toBe(true);

    const plate = await idleCar();
    await checkIn('XG-01', plate);
    await checkOut('XG-01');
    const [parked, left] = await warden.until(
      () => (warden.updates.length >= 2 ? warden.updates : undefined),
      'two updates',
    );
    expect(parked).toMatchObject({
      laneId,
      seq: snapshot.seq + 1,
      space: { code: 'XG-01', state: 'occupied' },
    });
    expect(parked!.space.occupant!.plate.replace('·', '')).toBe(plate);
    expect(parked!.counts.occupied).toBe(snapshot.counts.occupied + 1);
    expect(left).toMatchObject({ seq: snapshot.seq + 2, space: { state: 'free', occupant: null } });
  });

  it('a resident sees states and counts, and the plate of their own car only', async () => {
    const resident = phone(t.url, await t.login(DEMO.resident));
    await resident.connected();
    expect(await resident.subscribe({})).toMatchObject({ ok: true });
    for (const s of resident.snapshots[0]!.spaces)
      if (s.occupant) expect(s.occupant.mine).toBe(true);

    await checkIn('XG-06', await idleCar());
    const [own] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id WHERE m.phone = $1`,
      [DEMO.resident],
    );
    const [parked] = await t.sql<{ space_id: string }>(
      `SELECT space_id FROM occupancy_session WHERE plate = $1 AND ended_at IS NULL`,
      [own!.plate],
    );
    if (parked) {
      const code = Object.keys(space).find((c) => space[c] === parked.space_id)!;
      await checkOut(code);
    }
    await checkIn('XG-09', own!.plate);
    const other = await resident.until(
      () => resident.updates.find((u) => u.space.code === 'XG-06'),
      'XG-06',
    );
    expect(other.space).toMatchObject({ state: 'occupied', occupant: null });
    const mine = await resident.until(
      () => resident.updates.find((u) => u.space.code === 'XG-09'),
      'XG-09',
    );
    expect(mine.space.occupant).toMatchObject({ mine: true });
    expect(mine.space.occupant!.plate.replace('·', '')).toBe(own!.plate);
    // Exactly one copy of the own-car update: the household's, not also the public one.
    expect(resident.updates.filter((u) => u.space.code === 'XG-09')).toHaveLength(1);
    await checkOut('XG-06');
    await checkOut('XG-09');
  });

  it('refuses a subscription to a lane of another association, or a malformed one', async () => {
    const [foreign] = await t.sql<{ id: string }>(
      `WITH a AS (INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id)
       INSERT INTO lane (association_id, name) SELECT id, '文昌胡同' FROM a RETURNING id`,
    );
    const warden = phone(t.url, await t.login(DEMO.wardens[0]));
    await warden.connected();
    expect(await warden.subscribe({ laneId: foreign!.id })).toMatchObject({
      ok: false,
      error: { statusCode: 404 },
    });
    expect(await warden.subscribe({ laneId: 'x' })).toMatchObject({
      ok: false,
      error: { statusCode: 400 },
    });
    expect(await warden.subscribe({ laneId, more: 1 })).toMatchObject({
      ok: false,
      error: { statusCode: 400 },
    });
    expect(warden.snapshots).toHaveLength(0);
  });

  it('a check-in through instance A reaches a client connected to instance B', async () => {
    const b: NestFastifyApplication = await createApp(t.database.url);
    await b.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = b.getHttpServer().address();
      const urlB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const warden = phone(urlB, await t.login(DEMO.wardens[0]));
      await warden.connected();
      await warden.subscribe({ laneId });
      // The adapter LISTENs on its own connection, which it opens in the background.
      await new Promise((r) => setTimeout(r, 500));
      await checkIn('XG-10', await idleCar());
      const update = await warden.until(
        () => warden.updates.find((u) => u.space.code === 'XG-10'),
        'update via B',
      );
      expect(update.seq).toBe(warden.snapshots[0]!.seq + 1);
      await checkOut('XG-10');
    } finally {
      await b.close();
    }
  });

  it('a phone that loses its connection reconnects to the correct state', async () => {
    const warden = phone(t.url, await t.login(DEMO.wardens[0]), { reconnect: true });
    // The client's own rule: (re)subscribe on every connect, so a reconnect brings a snapshot.
    warden.socket.on('connect', () => void warden.subscribe({ laneId }));
    await warden.until(() => warden.snapshots[0], 'first snapshot');
    // The network drops, and stays down while another warden parks a car (held down by the
    // test, so the car is parked before the phone is back however slow this machine is).
    warden.socket.io.reconnection(false);
    warden.socket.io.engine.close();
    await warden.until(() => warden.socket.disconnected || undefined, 'the drop');
    await checkIn('XG-13', await idleCar());
    // The network is back.
    warden.socket.io.reconnection(true);
    warden.socket.connect();
    const fresh = await warden.until(() => warden.snapshots[1], 'snapshot after reconnect');
    expect(fresh.spaces.find((s) => s.code === 'XG-13')!.state).toBe('occupied');
    expect(fresh.seq).toBeGreaterThan(warden.snapshots[0]!.seq);
    await checkOut('XG-13');
  });
});
