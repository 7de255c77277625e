import { io, type Socket } from 'socket.io-client';
import { RostersService } from '../src/rosters/rosters.service';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// January 2031 runs across a month end and is far from the demo's current month.
const FROM = '2031-01-15';
const TO = '2031-02-15';
const DAYS = 31;
const HOUR = 3_600_000;

interface Shift {
  id: string;
  name: string;
  kind: 'warden' | 'volunteer';
  from: string;
  to: string;
  required: number;
  assignments: { id: string; memberId: string; memberName: string; attendance: string }[];
}

describe('the council rosters the red armbands around the clock', () => {
  let t: TestApp;
  let admin: string;
  let wardens: string[];
  let council: Socket;
  const gapPushes: { shiftId: string; gaps: { from: string; to: string }[] }[] = [];

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${token}`),
  });
  const shiftsIn = async (from: string, to: string): Promise<Shift[]> => {
    const response = await as(admin).get(`/api/rosters/shifts?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    return response.body as Shift[];
  };
  const memberId = async (phone: string) =>
    (await t.sql<{ id: string }>(`SELECT id FROM member WHERE phone = $1`, [phone]))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    wardens = await Promise.all(DEMO.wardens.map((phone) => t.login(phone)));
    council = io(`${t.url}/live`, { auth: { token: admin }, transports: ['websocket'] });
    council.on('roster.gap', (payload: (typeof gapPushes)[number]) => gapPushes.push(payload));
    await new Promise<void>((resolve, reject) => {
      council.once('connect', resolve);
      council.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    council.disconnect();
    await t.close();
  });

  it('generates a month for 3 wardens and 10 volunteers: full coverage and a fair spread', async () => {
    const response = await as(admin).post('/api/rosters/generate', { from: FROM, to: TO });
    expect(response.status).toBe(201);
    const report = response.body;
    expect(report.unfilledSeats).toBe(0);
    expect(report.gaps).toEqual([]);
    const wardenHours = report.hours.filter((h: { kind: string }) => h.kind === 'warden');
    const volunteerHours = report.hours.filter((h: { kind: string }) => h.kind === 'volunteer');
    expect(wardenHours).toHaveLength(3);
    expect(volunteerHours).toHaveLength(10);
    expect(wardenHours.every((h: { hours: number }) => h.hours === (DAYS * 24) / 3)).toBe(true);
    expect(report.spread.warden).toBe(0);
    expect(report.spread.volunteer).toBeLessThanOrEqual(3); // one patrol's length

    // Every minute of the month has a warden on a shift: the warden shifts tile the period.
    const shifts = await shiftsIn(FROM, TO);
    const wardenShifts = shifts.filter((s) => s.kind === 'warden');
    expect(wardenShifts).toHaveLength(DAYS * 3);
    expect(wardenShifts[0]!.from).toBe(new Date(`${FROM}T00:00+08:00`).toISOString());
    expect(wardenShifts.at(-1)!.to).toBe(new Date(`${TO}T00:00+08:00`).toISOString());
    wardenShifts.slice(1).forEach((s, i) => expect(s.from).toBe(wardenShifts[i]!.to));
    expect(wardenShifts.every((s) => s.assignments.length === 1)).toBe(true);

    const coverage = await as(admin).get(`/api/rosters/coverage?from=${FROM}&to=${TO}`);
    expect(coverage.status).toBe(200);
    expect(coverage.body.gaps).toEqual([]);
  });

  it('refuses to generate the same period twice, even when two requests race', async () => {
    const again = await as(admin).post('/api/rosters/generate', {
      from: '2031-02-01',
      to: '2031-02-20',
    });
    expect(again.status).toBe(409);
    expectRefusal(again.body, 'roster.already_generated', {}, '此时段已排过班，请手工调整');
    const inEnglish = await as(admin)
      .post('/api/rosters/generate', { from: '2031-02-01', to: '2031-02-20' })
      .set('accept-language', 'en');
    expect(inEnglish.status).toBe(409);
    expectRefusal(
      inEnglish.body,
      'roster.already_generated',
      {},
      'A roster was already generated for part of this period; adjust it by hand',
    );

    const racing = await Promise.all([
      as(admin).post('/api/rosters/generate', { from: '2031-03-01', to: '2031-03-08' }),
      as(admin).post('/api/rosters/generate', { from: '2031-03-01', to: '2031-03-08' }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body.reason).toBe('roster.already_generated');
  });

  it('a warden drops a shift: the gap is reported to the minute and pushed to the council', async () => {
    const [li] = wardens;
    const mine = await as(li!).get(`/api/me/shifts?from=2031-01-20&to=2031-01-21`);
    expect(mine.status).toBe(200);
    const shift = mine.body[0] as Shift & { mine: { id: string } };
    expect(shift.kind).toBe('warden');

    const dropped = await as(li!).delete(`/api/shift-assignments/${shift.mine.id}`);
    expect(dropped.status).toBe(204);

    // The wardens' line (article 5: one red armband around the clock) is short for the shift.
    const requirements = await as(admin).get('/api/rosters/requirements');
    const wardensLine = (requirements.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'warden',
    )!;
    const coverage = await as(admin).get(`/api/rosters/coverage?from=${FROM}&to=${TO}`);
    expect(coverage.body.gaps).toEqual([
      {
        from: shift.from,
        to: shift.to,
        scheduled: 0,
        required: 1,
        kind: 'warden',
        requirementId: wardensLine.id,
        article: 5,
      },
    ]);
    await waitFor(() => gapPushes.some((p) => p.shiftId === shift.id));
    expect(gapPushes.find((p) => p.shiftId === shift.id)!.gaps[0]).toMatchObject({
      from: shift.from,
      to: shift.to,
    });

    // Another warden may not drop someone else's shift; the council puts someone back.
    const [, ma] = wardens;
    const maId = await memberId(DEMO.wardens[1]);
    const others = await shiftsIn('2031-01-21', '2031-01-22');
    const notHis = others.find((s) => s.kind === 'warden' && s.assignments[0]!.memberId !== maId)!;
    const refused = await as(ma!).delete(`/api/shift-assignments/${notHis.assignments[0]!.id}`);
    expect(refused.status).toBe(403);

    const sun = await memberId(DEMO.wardens[2]);
    const refill = await as(admin).post(`/api/shifts/${shift.id}/assignments`, { memberId: sun });
    expect(refill.status).toBe(201);
    const healed = await as(admin).get(`/api/rosters/coverage?from=${FROM}&to=${TO}`);
    expect(healed.body.gaps).toEqual([]);
  });

  it('refuses to put anyone on two overlapping shifts, also when two requests race (409)', async () => {
    const volunteer = await memberId('13800000012'); // household 3: not a volunteer
    const patrolVolunteer = await memberId('13800000011'); // household 2: a volunteer
    const make = async (from: string, to: string) => {
      const response = await as(admin).post('/api/rosters/shifts', {
        name: '庙会加班',
        kind: 'volunteer',
        from,
        to,
        minOnDuty: 2,
      });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const a = await make('2031-04-05T10:00', '2031-04-05T12:00');
    const b = await make('2031-04-05T11:00', '2031-04-05T13:00');
    const c = await make('2031-04-05T12:00', '2031-04-05T14:00');

    const notVolunteer = await as(admin).post(`/api/shifts/${a}/assignments`, {
      memberId: volunteer,
    });
    expect(notVolunteer.status).toBe(400);
    expectRefusal(notVolunteer.body, 'shift.needs_volunteer', {}, '巡逻须由志愿者或管理员值守');

    const first = await as(admin).post(`/api/shifts/${a}/assignments`, {
      memberId: patrolVolunteer,
    });
    expect(first.status).toBe(201);
    const overlapping = await as(admin).post(`/api/shifts/${b}/assignments`, {
      memberId: patrolVolunteer,
    });
    expect(overlapping.status).toBe(409);
    expectRefusal(overlapping.body, 'shift.member_overlapping', {}, '该成员在此时段已有其他班次');
    const overlappingInEnglish = await as(admin)
      .post(`/api/shifts/${b}/assignments`, { memberId: patrolVolunteer })
      .set('accept-language', 'en');
    expect(overlappingInEnglish.status).toBe(409);
    expectRefusal(
      overlappingInEnglish.body,
      'shift.member_overlapping',
      {},
      'This member is already on an overlapping shift',
    );
    // The reply says what it means, never which constraint it broke.
    expect(JSON.stringify(overlapping.body)).not.toContain('shift_assignment_no_overlap');
    // Touching is not overlapping: 10–12 then 12–14 is fine.
    const touching = await as(admin).post(`/api/shifts/${c}/assignments`, {
      memberId: patrolVolunteer,
    });
    expect(touching.status).toBe(201);

    for (let round = 0; round < 3; round++) {
      const d = await make(`2031-04-0${6 + round}T09:00`, `2031-04-0${6 + round}T11:00`);
      const e = await make(`2031-04-0${6 + round}T10:00`, `2031-04-0${6 + round}T12:00`);
      const racing = await Promise.all([
        as(admin).post(`/api/shifts/${d}/assignments`, { memberId: patrolVolunteer }),
        as(admin).post(`/api/shifts/${e}/assignments`, { memberId: patrolVolunteer }),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    }
  });

  it('a warden signs in on the shift running now, reads the handover note, and is on duty', async () => {
    const now = Date.now();
    const current = (
      await shiftsIn(new Date(now).toISOString(), new Date(now + 60_000).toISOString())
    )
      .filter((s) => s.kind === 'warden')
      .find((s) => new Date(s.from).getTime() <= now && now < new Date(s.to).getTime())!;
    const onIt = current.assignments[0]!;
    const phone =
      DEMO.wardens[(await Promise.all(DEMO.wardens.map(memberId))).indexOf(onIt.memberId)]!;
    const warden = await t.login(phone);

    // The council leaves a note for whoever is on (as the outgoing warden would at sign-out).
    const note = await as(admin).post(`/api/shifts/${current.id}/handover-notes`, {
      body: '7号门口京A12345停了一夜, 早上请车主挪车',
    });
    expect(note.status).toBe(201);
    const previous = (await shiftsIn(new Date(now - 9 * HOUR).toISOString(), current.from)).find(
      (s) => s.kind === 'warden' && s.to === current.from,
    );
    if (previous) {
      const outgoingPhone =
        DEMO.wardens[
          (await Promise.all(DEMO.wardens.map(memberId))).indexOf(previous.assignments[0]!.memberId)
        ]!;
      const left = await as(await t.login(outgoingPhone)).post(
        `/api/shifts/${previous.id}/handover-notes`,
        { body: '5号车位地锁坏了' },
      );
      expect(left.status).toBe(201);
    }

    const association = io(`${t.url}/live`, {
      auth: { token: await t.login(DEMO.resident) },
      transports: ['websocket'],
    });
    const dutyPushes: { onDuty: { memberId: string }[] }[] = [];
    association.on('duty.changed', (p: (typeof dutyPushes)[number]) => dutyPushes.push(p));
    await new Promise<void>((resolve) => association.once('connect', () => resolve()));

    const stranger = await as(wardens.find((w) => w !== warden)!).post(
      `/api/shifts/${current.id}/sign-in`,
    );
    expect(stranger.status).toBe(403);

    const signIn = await as(warden).post(`/api/shifts/${current.id}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(signIn.body.assignment.attendance).toBe('on_duty');
    expect(signIn.body.assignment.late).toBe(now - new Date(current.from).getTime() > 10 * 60_000);
    const notes = signIn.body.handoverNotes.map((n: { body: string }) => n.body);
    expect(notes).toContain('7号门口京A12345停了一夜, 早上请车主挪车');
    if (previous) expect(notes).toContain('5号车位地锁坏了');
    expect((await as(warden).post(`/api/shifts/${current.id}/sign-in`)).status).toBe(409);

    await waitFor(() => dutyPushes.some((p) => p.onDuty.some((d) => d.memberId === onIt.memberId)));
    const onDuty = await as(await t.login(DEMO.resident)).get('/api/rosters/on-duty');
    expect(onDuty.body.map((d: { memberId: string }) => d.memberId)).toEqual([onIt.memberId]);
    const rosters = t.app.get(RostersService);
    expect(await rosters.isOnDuty(onIt.memberId, new Date())).toBe(true);
    // Other features pass their transaction, so the answer is part of what they commit.
    expect(await rosters.isOnDuty(t.dataSource.manager, onIt.memberId, new Date())).toBe(true);
    // A minute before the shift, the previous warden was on duty, not this one.
    const before = new Date(Date.parse(current.from) - 60_000);
    expect(await rosters.isOnDuty(onIt.memberId, before)).toBe(false);

    const signOut = await as(warden).post(`/api/shifts/${current.id}/sign-out`, {
      handoverNote: '一切正常',
    });
    expect(signOut.status).toBe(200);
    expect(signOut.body.attendance).toBe('done');
    expect((await as(warden).post(`/api/shifts/${current.id}/sign-out`)).status).toBe(409);
    await waitFor(() => dutyPushes.length >= 2 && dutyPushes.at(-1)!.onDuty.length === 0);
    expect(await rosters.isOnDuty(onIt.memberId, new Date())).toBe(false);
    association.disconnect();
  });

  it('swaps: a warden offers, another takes, the council approves; history kept', async () => {
    const [li, ma] = wardens;
    const mine = (await as(li!).get(`/api/me/shifts?from=2031-02-03&to=2031-02-04`))
      .body as (Shift & {
      mine: { id: string };
    })[];
    const offered = await as(li!).post(`/api/shift-assignments/${mine[0]!.mine.id}/swap-offers`, {
      note: '家里有事',
    });
    expect(offered.status).toBe(201);
    expect(offered.body.status).toBe('offered');
    const twice = await as(li!).post(`/api/shift-assignments/${mine[0]!.mine.id}/swap-offers`, {});
    expect(twice.status).toBe(409);

    const taken = await as(ma!).post(`/api/swaps/${offered.body.id}/take`);
    expect(taken.status).toBe(200);
    // The convention in force does not let wardens swap without the council.
    expect(taken.body.status).toBe('taken');
    expect((await as(ma!).post(`/api/swaps/${offered.body.id}/approve`)).status).toBe(403);

    const approved = await as(admin).post(`/api/swaps/${offered.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', autoApproved: false });
    const after = (await shiftsIn(mine[0]!.from, mine[0]!.to)).find((s) => s.id === mine[0]!.id)!;
    expect(after.assignments.map((a) => a.memberId)).toEqual([await memberId(DEMO.wardens[1])]);

    const history = await as(li!).get('/api/swaps');
    expect(history.body.map((s: { id: string }) => s.id)).toContain(offered.body.id);
  });

  it('gives each warden an iCalendar of their shifts, also by a secret feed address', async () => {
    const [li] = wardens;
    const ics = await as(li!).get('/api/me/shifts.ics');
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VEVENT');

    const feed = await as(li!).post('/api/me/shifts/feed');
    expect(feed.status).toBe(201);
    // Without PUBLIC_URL the address is built from the host the phone asked.
    expect(feed.body.url).toBe(`http://${new URL(t.url).host}${feed.body.path}`);
    const subscribed = await t.http().get(feed.body.path);
    expect(subscribed.status).toBe(200);
    expect(subscribed.text).toContain('BEGIN:VCALENDAR');
    const rotated = await as(li!).post('/api/me/shifts/feed');
    expect((await t.http().get(feed.body.path)).status).toBe(404);
    expect((await t.http().get(rotated.body.path)).status).toBe(200);
    expect((await t.http().get('/api/shift-feeds/guess.ics')).status).toBe(404);
  });

  it('exports the roster and the hours ledger as CSV for the council and the wardens', async () => {
    const roster = await as(admin).get(`/api/rosters/roster.csv?from=${FROM}&to=${TO}`);
    expect(roster.status).toBe(200);
    expect(roster.headers['content-type']).toContain('text/csv');
    expect(roster.text).toContain('日期,班次,类别');
    const hours = await as(admin).get(`/api/rosters/hours.csv?from=${FROM}&to=${TO}`);
    expect(hours.status).toBe(200);
    expect(hours.text.split('\n').filter(Boolean).length).toBe(1 + 13);
    // Wardens list the roster, so they export it too (issue 14: list equals export).
    const wardens0 = await as(wardens[0]!).get(`/api/rosters/hours.csv?from=${FROM}&to=${TO}`);
    expect(wardens0.status).toBe(200);
    expect(wardens0.text).toBe(hours.text);
  });

  it('refuses the wrong people and bad input clearly', async () => {
    const resident = await t.login(DEMO.resident);
    expect((await as(resident).post('/api/rosters/generate', { from: FROM, to: TO })).status).toBe(
      403,
    );
    expect((await as(wardens[0]!).post('/api/rosters/shifts', {})).status).toBe(403);
    expect(
      (await as(await t.login(DEMO.unit)).get(`/api/rosters/coverage?from=${FROM}&to=${TO}`))
        .status,
    ).toBe(403);
    expect((await as(admin).get('/api/rosters/coverage?from=yesterday&to=2031-01-01')).status).toBe(
      400,
    );
    expect(
      (await as(admin).get('/api/rosters/coverage?from=2031-02-30&to=2031-03-01')).status,
    ).toBe(400);
    expect((await as(admin).get(`/api/rosters/coverage?from=${TO}&to=${FROM}`)).status).toBe(400);
    expect(
      (await as(admin).post('/api/rosters/generate', { from: FROM, to: TO, extra: 1 })).status,
    ).toBe(400);
    const tooLong = await as(admin)
      .post('/api/rosters/generate', { from: '2031-05-01', to: '2031-12-01' })
      .set('accept-language', 'en');
    expect(tooLong.status).toBe(400);
    expectRefusal(
      tooLong.body,
      'roster.period_too_long',
      { days: 62 },
      'A period may span at most 62 days',
    );
    const backwards = await as(admin).get(`/api/rosters/coverage?from=${TO}&to=${FROM}`);
    expectRefusal(
      backwards.body,
      'roster.period_end_not_after_start',
      {},
      '结束时间须晚于开始时间',
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await as(wardens[0]!).post(`/api/shifts/${unknown}/sign-in`)).status).toBe(404);
    expect((await as(wardens[0]!).post('/api/shifts/not-a-uuid/sign-in')).status).toBe(400);
    expect(
      (await as(admin).post(`/api/shifts/${unknown}/assignments`, { memberId: unknown })).status,
    ).toBe(404);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for a live push');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
