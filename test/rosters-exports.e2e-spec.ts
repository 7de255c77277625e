import { parse } from 'csv-parse/sync';
import { DAY_MS, shanghaiDate, startOfShanghaiDay } from '../src/common/shanghai-time';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const FORMULA_SHIFT = '=HYPERLINK("http://x","y")';
const FORMULA_NAME = "+cmd|' /C calc'!A0";

/** RFC 5545 3.1: a long line continues after CRLF and one space. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/**
 * Issue 11.13: the roster's CSV ledgers and the iCalendar feed carry user text (shift template
 * names, member names). A name that starts like a formula stays text in a spreadsheet, and a name
 * full of iCalendar syntax stays one escaped value.
 */
describe('roster exports keep user text as text', () => {
  let t: TestApp;
  let admin: string;
  // Past the rolling roster's four weeks, so the day holds only what this test generates.
  const day = shanghaiDate(new Date(startOfShanghaiDay(new Date()).getTime() + 40 * DAY_MS));
  const nextDay = shanghaiDate(new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS));

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const csvCells = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    const [warden] = await t.sql<{ id: string }>(`SELECT id FROM member WHERE phone = $1`, [
      DEMO.wardens[1],
    ]);
    await as(admin).patch(`/api/members/${warden!.id}`, { name: FORMULA_NAME }).expect(200);
    await as(admin)
      .post('/api/rosters/templates', {
        name: FORMULA_SHIFT,
        kind: 'warden',
        start: '10:00',
        durationMinutes: 120,
        minOnDuty: 2,
      })
      .expect(201);
    await as(admin).post('/api/rosters/generate', { from: day, to: nextDay }).expect(201);
    // A handover note in formula form too: it must not reach any export as a live formula.
    const [shift] = (await as(admin).get(`/api/rosters/shifts?from=${day}&to=${nextDay}`)).body as {
      id: string;
    }[];
    await as(admin)
      .post(`/api/shifts/${shift!.id}/handover-notes`, { body: FORMULA_SHIFT })
      .expect(201);
  });
  afterAll(() => t.close());

  it('the roster CSV prefixes every formula-like cell so it opens as text', async () => {
    const response = await as(admin).get(`/api/rosters/roster.csv?from=${day}&to=${nextDay}`);
    expect(response.status).toBe(200);
    const [header, ...rows] = csvCells(response.text);
    expect(header).toEqual([
      '日期',
      '班次',
      '类别',
      '开始',
      '结束',
      '姓名',
      '签到',
      '签退',
      '迟到',
      '状态',
    ]);
    const formulaShift = rows.filter((r) => r[1] === `'${FORMULA_SHIFT}`);
    expect(formulaShift).toHaveLength(2);
    expect(rows.some((r) => r[5] === `'${FORMULA_NAME}`)).toBe(true);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the hours ledger does the same for names', async () => {
    const response = await as(admin).get(`/api/rosters/hours.csv?from=${day}&to=${nextDay}`);
    expect(response.status).toBe(200);
    const rows = csvCells(response.text).slice(1);
    expect(rows.map((r) => r[0])).toContain(`'${FORMULA_NAME}`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the iCalendar feed escapes the names (RFC 5545), so they stay one value', async () => {
    const shifts = (await as(admin).get(`/api/rosters/shifts?from=${day}&to=${nextDay}`)).body as {
      name: string;
      assignments: { memberId: string; memberName: string }[];
    }[];
    const shift = shifts.find((s) => s.name === FORMULA_SHIFT)!;
    expect(shift.assignments).toHaveLength(2);
    const [first, second] = shift.assignments;
    const [{ phone }] = (await t.sql<{ phone: string }>(`SELECT phone FROM member WHERE id = $1`, [
      first!.memberId,
    ])) as [{ phone: string }];
    const warden = await t.login(phone);

    const feed = await as(warden).post('/api/me/shifts/feed', {});
    for (const ics of [
      (await as(warden).get('/api/me/shifts.ics')).text,
      (await t.http().get(feed.body.path)).text,
    ]) {
      const lines = unfold(ics).split('\r\n');
      expect(lines).toContain('SUMMARY:值班：=HYPERLINK("http://x"\\,"y")');
      const other = second!.memberName.replace(/[\\;,]/g, (c) => `\\${c}`);
      expect(lines).toContain(`DESCRIPTION:同班：${other}`);
    }
  });
});
