import { io } from 'socket.io-client';
import {
  addHousehold,
  addLane,
  addMember,
  type FreshAssociation,
  onboardAssociation,
  type Person,
} from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * 门前新画车位公示: the council paints a space in front of a household; that household (and only
 * it) finds the space on notice in GET /api/objections/open, objects, and the council reads the
 * objection among the lane's cases in GET /api/lanes/:id/consents and answers it in writing.
 * Other households, other associations and other roles get nothing.
 */
describe('spaces on notice for the households they face', () => {
  let t: TestApp;
  let association: FreshAssociation;
  let laneId: string;
  let facing: { id: string; address: string };
  let facingResident: Person;
  let neighbour: Person;
  let warden: Person;
  let outsider: FreshAssociation;
  let outsiderResident: Person;
  let outsiderLane: string;

  const as = (who: Person | string) => {
    const token = typeof who === 'string' ? who : who.token;
    return {
      get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
      post: (path: string, body: object = {}) =>
        t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    association = await onboardAssociation(t);
    laneId = (await addLane(t, association.council, { name: '公示胡同' })).id;
    facing = await addHousehold(t, association.council, { address: '公示胡同5号' });
    facingResident = await addMember(t, association.council, {
      role: 'resident',
      householdId: facing.id,
    });
    const next = await addHousehold(t, association.council, { address: '公示胡同7号' });
    neighbour = await addMember(t, association.council, {
      role: 'resident',
      householdId: next.id,
    });
    warden = await addMember(t, association.council, { role: 'warden' });
    outsider = await onboardAssociation(t);
    outsiderLane = (await addLane(t, outsider.council)).id;
    const theirs = await addHousehold(t, outsider.council);
    outsiderResident = await addMember(t, outsider.council, {
      role: 'resident',
      householdId: theirs.id,
    });
    await as(association.council)
      .post(`/api/lanes/${laneId}/landmarks`, { kind: 'door', label: '5号', x: 31, y: 4 })
      .expect(201);
  }, 120_000);
  afterAll(() => t?.close());

  it('the facing household sees the space on notice, objects, and the council answers in writing', async () => {
    const painted = await as(association.council)
      .post(`/api/lanes/${laneId}/spaces`, {
        code: 'GS-01',
        x: 30,
        y: 2,
        facingHouseholdIds: [facing.id],
        objectionDays: 5,
      })
      .expect(201);
    expect(painted.body.consent).toBe('pending');

    const open = await as(facingResident).get('/api/objections/open').expect(200);
    expect(open.body).toEqual([
      {
        spaceId: painted.body.id,
        code: 'GS-01',
        laneId,
        laneName: '公示胡同',
        near: '5号',
        objectionUntil: expect.any(String),
        objection: null,
      },
    ]);
    const until = new Date(open.body[0].objectionUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(4.9 * 86_400_000);
    expect(until - Date.now()).toBeLessThan(5.1 * 86_400_000);

    // Nobody else: a household it does not face, another association, other roles.
    expect((await as(neighbour).get('/api/objections/open').expect(200)).body).toEqual([]);
    expect((await as(outsiderResident).get('/api/objections/open').expect(200)).body).toEqual([]);
    for (const who of [association.council, warden, outsider.council]) {
      const refused = await as(who).get('/api/objections/open').expect(403);
      expect(refused.body).toMatchObject({ reason: 'role.forbidden' });
    }

    const raised = await as(facingResident)
      .post(`/api/spaces/${painted.body.id}/objections`, { reason: '正对我家大门，进出不便' })
      .expect(201);
    const after = await as(facingResident).get('/api/objections/open').expect(200);
    expect(after.body[0].objection).toMatchObject({
      id: raised.body.id,
      reason: '正对我家大门，进出不便',
      decision: null,
    });

    const cases = await as(association.council).get(`/api/lanes/${laneId}/consents`).expect(200);
    expect(cases.body).toEqual([
      {
        spaceId: painted.body.id,
        code: 'GS-01',
        objectionUntil: open.body[0].objectionUntil,
        status: 'awaiting_answers',
        facing: [{ householdId: facing.id, address: '公示胡同5号' }],
        objections: [
          expect.objectContaining({
            id: raised.body.id,
            householdId: facing.id,
            householdAddress: '公示胡同5号',
            reason: '正对我家大门，进出不便',
            decision: null,
          }),
        ],
      },
    ]);
    // The lane's cases are the council's: not a resident's, a warden's or another council's.
    for (const who of [facingResident, warden]) {
      const refused = await as(who).get(`/api/lanes/${laneId}/consents`).expect(403);
      expect(refused.body).toMatchObject({ reason: 'role.forbidden' });
    }
    await as(outsider.council).get(`/api/lanes/${laneId}/consents`).expect(404);
    expect(
      (await as(outsider.council).get(`/api/lanes/${outsiderLane}/consents`).expect(200)).body,
    ).toEqual([]);

    await as(association.council)
      .post(`/api/spaces/${painted.body.id}/objections/${raised.body.id}/decision`, {
        decision: 'upheld',
        reason: '改画到7号门前的院墙一侧',
      })
      .expect(200);
    const decided = await as(association.council).get(`/api/lanes/${laneId}/consents`).expect(200);
    expect(decided.body[0]).toMatchObject({
      status: 'withdrawn',
      objections: [{ decision: 'upheld', decisionReason: '改画到7号门前的院墙一侧' }],
    });
    // Withdrawn: no longer on notice; the answer stays in 我家的异议.
    expect((await as(facingResident).get('/api/objections/open').expect(200)).body).toEqual([]);
    const mine = await as(facingResident).get('/api/objections/mine').expect(200);
    expect(mine.body[0]).toMatchObject({ spaceCode: 'GS-01', decision: 'upheld' });
  });

  it('a space leaves the notice when its window closes, and goes live without objections', async () => {
    const painted = await as(association.council)
      .post(`/api/lanes/${laneId}/spaces`, {
        code: 'GS-02',
        x: 80,
        y: 2,
        facingHouseholdIds: [facing.id],
      })
      .expect(201);
    const open = await as(facingResident).get('/api/objections/open').expect(200);
    expect(open.body.map((n: { code: string }) => n.code)).toEqual(['GS-02']);
    expect(open.body[0].near).toBeNull();
    const cases = await as(association.council).get(`/api/lanes/${laneId}/consents`).expect(200);
    expect(cases.body.find((c: { code: string }) => c.code === 'GS-02')).toMatchObject({
      status: 'in_notice',
      objections: [],
    });

    await t.sql(`UPDATE space SET objection_until = now() - interval '1 minute' WHERE id = $1`, [
      painted.body.id,
    ]);
    expect((await as(facingResident).get('/api/objections/open').expect(200)).body).toEqual([]);
    const late = await as(facingResident)
      .post(`/api/spaces/${painted.body.id}/objections`, { reason: '来晚了' })
      .expect(409);
    expect(late.body).toMatchObject({ reason: 'objection.window_closed' });
    // Nobody objected in time: it is in use, and off the council's list.
    const after = await as(association.council).get(`/api/lanes/${laneId}/consents`).expect(200);
    expect(after.body.map((c: { code: string }) => c.code)).toEqual(['GS-01']);
  });

  it('the council counts objections waiting for an answer; council and household hear each step live', async () => {
    const council = as(association.council);
    const count = async () => (await council.get('/api/objections/undecided').expect(200)).body;
    expect(await count()).toEqual({ total: 0 });
    for (const who of [facingResident, warden]) {
      const refused = await as(who).get('/api/objections/undecided').expect(403);
      expect(refused.body).toMatchObject({ reason: 'role.forbidden' });
    }
    const connect = async (token: string) => {
      const socket = io(`${t.url}/live`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const councilPhone = await connect(association.council.token);
    const householdPhone = await connect(facingResident.token);
    const neighbourPhone = await connect(neighbour.token);
    const heard = {
      council: [] as unknown[],
      household: [] as unknown[],
      neighbour: [] as unknown[],
    };
    councilPhone.on('objection.updated', (p: unknown) => heard.council.push(p));
    householdPhone.on('consent.updated', (p: unknown) => heard.household.push(p));
    neighbourPhone.on('consent.updated', (p: unknown) => heard.neighbour.push(p));
    const next = (socket: typeof councilPhone, event: string) =>
      new Promise<unknown>((resolve) => socket.once(event, resolve));
    try {
      const paintedPush = next(householdPhone, 'consent.updated');
      const painted = await council
        .post(`/api/lanes/${laneId}/spaces`, {
          code: 'GS-03',
          x: 120,
          y: 2,
          facingHouseholdIds: [facing.id],
        })
        .expect(201);
      const space = { spaceId: painted.body.id };
      expect(await paintedPush).toEqual(space);

      const raisedPush = next(councilPhone, 'objection.updated');
      const raised = await as(facingResident)
        .post(`/api/spaces/${painted.body.id}/objections`, { reason: '挡住我家的轮椅坡道' })
        .expect(201);
      expect(await raisedPush).toEqual(space);
      expect(await count()).toEqual({ total: 1 });
      // Another association's council counts its own, none of these.
      expect((await as(outsider.council).get('/api/objections/undecided')).body).toEqual({
        total: 0,
      });

      const answered = [
        next(councilPhone, 'objection.updated'),
        next(householdPhone, 'consent.updated'),
      ];
      await council
        .post(`/api/spaces/${painted.body.id}/objections/${raised.body.id}/decision`, {
          decision: 'dismissed',
          reason: '坡道前留出一米，不影响通行',
        })
        .expect(200);
      expect(await Promise.all(answered)).toEqual([space, space]);
      expect(await count()).toEqual({ total: 0 });
      expect(heard.council).toHaveLength(2);
      expect(heard.household).toHaveLength(2);
      // The household next door is not faced by GS-03: it hears nothing of it.
      expect(heard.neighbour).toEqual([]);
    } finally {
      for (const socket of [councilPhone, householdPhone, neighbourPhone]) socket.close();
    }
  });
});
