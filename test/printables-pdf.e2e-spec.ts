import { shanghaiDate } from '../src/common/shanghai-time';
import { timeWords } from '../src/rosters/roster-pdf';
import { pdfImages, pdfText } from './support/pdf-text';
import { decodeQrPng, idempotencyKey, tokenOfPermit } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary } from './support/workbook';

const OTHER_COUNCIL = '13800000400'; // 砖塔车友会

/**
 * Issue 14: what an association prints besides its notice. The council prints the month's roster
 * for the wardens' hut, the permit cards of every car in force (eight to a page, to cut out) and
 * the stickers of a lane's spaces. Each PDF's Chinese is text; each QR on paper reads back as the
 * token or page it stands for; no one else's association and no resident gets them.
 */
jest.setTimeout(180_000);

describe('printable roster, permit cards and space stickers', () => {
  let t: TestApp;
  let admin: string;
  let otherAdmin: string;
  let warden: string;
  let resident: string;
  let associationId: string;
  const month = shanghaiDate(new Date()).slice(0, 7);

  const get = (token: string, path: string) =>
    binary(t.http().get(path).set('Authorization', `Bearer ${token}`));
  const flat = (text: string) => text.replace(/\s+/g, '');
  const decodeAll = async (pdf: Buffer) => (await pdfImages(pdf)).map((p) => p.map(decodeQrPng));

  beforeAll(async () => {
    t = await startTestApp();
    [admin, otherAdmin, warden, resident] = await Promise.all([
      t.login(DEMO.admin),
      t.login(OTHER_COUNCIL),
      t.login(DEMO.wardens[0]),
      t.login(DEMO.resident),
    ]);
    const [row] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    associationId = row!.id;
  }, 120_000);
  afterAll(() => t.close());

  describe("the month's roster", () => {
    it('prints every shift of the month with its Beijing time and people, in Chinese', async () => {
      const response = await get(admin, `/api/rosters/roster.pdf?month=${month}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain(`duty-roster-${month}.pdf`);
      const { text, pages } = await pdfText(response.body as Buffer);
      const words = flat(text);
      const [year, m] = month.split('-');
      expect(words).toContain(`4143车友会值班表${year}年${Number(m)}月`);
      expect(words).toContain('北京时间');
      expect(words).toContain('值班人员');
      expect(words).toContain('本月值班合计');

      // What the roster screen lists for the month is what the paper says.
      const from = `${month}-01`;
      const shifts = (
        await t
          .http()
          .get(`/api/rosters/shifts?from=${from}&to=${nextMonth(month)}-01`)
          .set('Authorization', `Bearer ${admin}`)
      ).body as { from: string; to: string; name: string; assignments: { memberName: string }[] }[];
      const inMonth = shifts.filter((s) => shanghaiDate(new Date(s.from)).startsWith(month));
      expect(inMonth.length).toBeGreaterThan(0);
      expect(pages).toBeGreaterThanOrEqual(1);
      const staffed = inMonth.find((s) => s.assignments.length > 0)!;
      expect(words).toContain(flat(timeWords(staffed)));
      expect(words).toContain(staffed.assignments[0]!.memberName);
      // Names only, never a phone.
      expect(text).not.toMatch(/1380000\d{4}/);
    });

    it('a warden of the association prints it too; a resident may not', async () => {
      expect((await get(warden, `/api/rosters/roster.pdf?month=${month}`)).status).toBe(200);
      expect((await get(resident, `/api/rosters/roster.pdf?month=${month}`)).status).toBe(403);
    });

    it("another association's council cannot print this association's roster", async () => {
      const response = await get(
        otherAdmin,
        `/api/rosters/roster.pdf?month=${month}&associationId=${associationId}`,
      );
      expect(response.status).toBe(404);
    });

    it('refuses a month that is not YYYY-MM', async () => {
      for (const bad of ['2026-13', '2026-1', 'nov', '']) {
        const response = await t
          .http()
          .get(`/api/rosters/roster.pdf?month=${bad}`)
          .set('Authorization', `Bearer ${admin}`);
        expect(response.status).toBe(400);
        expect(response.body.reason).toBe('request.invalid');
      }
      const none = await t
        .http()
        .get('/api/rosters/roster.pdf')
        .set('Authorization', `Bearer ${admin}`);
      expect(none.status).toBe(400);
    });
  });

  describe('permit cards in bulk', () => {
    let inForce: { id: string; number: number; plate: string }[];

    beforeAll(async () => {
      inForce = (
        await t
          .http()
          .get(`/api/permits?status=active&pageSize=100`)
          .set('Authorization', `Bearer ${admin}`)
      ).body.items as { id: string; number: number; plate: string }[];
    });

    it('prints every permit in force, eight to an A4 page, each QR the permit’s own token', async () => {
      expect(inForce.length).toBeGreaterThan(1);
      const response = await get(admin, '/api/permits/cards.pdf');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const bytes = response.body as Buffer;
      const { text, pages } = await pdfText(bytes);
      expect(pages).toBe(Math.ceil(inForce.length / 8));
      const words = flat(text);
      expect(words).toContain('居民停车证');
      expect(words).toContain('4143车友会');
      expect(words).toContain('请置于挡风玻璃内侧');
      for (const permit of inForce.slice(0, 5)) {
        expect(words).toContain(flat(permit.plate));
        expect(words).toContain(`No.${permit.number}`);
      }

      // Read back from the paper as a warden's phone would: one QR per card, 8 on a full page.
      const tokens = await decodeAll(bytes);
      expect(tokens[0]).toHaveLength(Math.min(8, inForce.length));
      expect(tokens.flat()).toHaveLength(inForce.length);
      const first = inForce[0]!;
      expect(tokens.flat()).toContain(await tokenOfPermit(t, admin, first.id));
    });

    it('prints the cards the council chose, and the QR scans as valid', async () => {
      const chosen = inForce.slice(0, 2);
      const response = await get(
        admin,
        `/api/permits/cards.pdf?ids=${chosen.map((p) => p.id).join(',')}`,
      );
      expect(response.status).toBe(200);
      const [page] = await decodeAll(response.body as Buffer);
      expect(page).toEqual([
        await tokenOfPermit(t, admin, chosen[0]!.id),
        await tokenOfPermit(t, admin, chosen[1]!.id),
      ]);
      // The warden scans the printed card: the permit is valid.
      const scan = await t
        .http()
        .post('/api/scans')
        .set('Authorization', `Bearer ${warden}`)
        .send({ idempotencyKey: idempotencyKey(), token: page![0] });
      expect(scan.status).toBe(200);
      expect(scan.body.verdict).toBe('valid');
    });

    it("another association's council gets 404 for these permits; wardens and residents 403", async () => {
      const id = inForce[0]!.id;
      expect((await get(otherAdmin, `/api/permits/cards.pdf?ids=${id}`)).status).toBe(404);
      expect((await get(warden, '/api/permits/cards.pdf')).status).toBe(403);
      expect((await get(resident, `/api/permits/cards.pdf?ids=${id}`)).status).toBe(403);
    });

    it('refuses ids that are not permit ids, an unknown kind, and a permit not in force', async () => {
      for (const query of ['ids=nope', 'ids=,', 'kind=lorry']) {
        const response = await t
          .http()
          .get(`/api/permits/cards.pdf?${query}`)
          .set('Authorization', `Bearer ${admin}`);
        expect(response.status).toBe(400);
        expect(response.body.reason).toBe('request.invalid');
      }
      const [pending] = await t.sql<{ id: string }>(
        `SELECT id FROM permit WHERE association_id = $1 AND status IN ('pending', 'rejected', 'revoked') LIMIT 1`,
        [associationId],
      );
      if (pending) {
        const response = await t
          .http()
          .get(`/api/permits/cards.pdf?ids=${pending.id}`)
          .set('Authorization', `Bearer ${admin}`);
        expect(response.status).toBe(409);
        expect(response.body.reason).toBe('permit.no_qr');
      }
    });
  });

  describe('space stickers', () => {
    let lane: { id: string; name: string };
    let spaces: { id: string; code: string; sticker_token: string }[];

    beforeAll(async () => {
      [lane] = (await t.sql<{ id: string; name: string }>(
        `SELECT l.id, l.name FROM lane l JOIN space s ON s.lane_id = l.id
          WHERE l.association_id = $1 GROUP BY l.id ORDER BY count(*) DESC LIMIT 1`,
        [associationId],
      )) as [{ id: string; name: string }];
      const snapshot = (
        await t.http().get(`/api/lanes/${lane.id}/spaces`).set('Authorization', `Bearer ${admin}`)
      ).body as { spaces: { id: string }[] };
      const ids = snapshot.spaces.map((s) => s.id);
      spaces = await t.sql(
        `SELECT id, code, sticker_token FROM space WHERE id = ANY($1::uuid[]) ORDER BY code`,
        [ids],
      );
    });

    it('prints the lane’s stickers four to a page: code, lane, and the check-in QR', async () => {
      const response = await get(admin, `/api/lanes/${lane.id}/stickers.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const bytes = response.body as Buffer;
      const { text, pages } = await pdfText(bytes);
      expect(pages).toBe(Math.ceil(spaces.length / 4));
      const words = flat(text);
      expect(words).toContain(flat(lane.name));
      expect(words).toContain('扫码停车登记');
      expect(words).toContain(spaces[0]!.code);

      const urls = (await decodeAll(bytes)).flat();
      expect(urls).toHaveLength(spaces.length);
      const space = spaces[0]!;
      expect(urls).toContain(
        `${t.url}/app/#/spaces/${space.id}/check-in?sticker=${space.sticker_token}`.replace(
          /^http:\/\/127\.0\.0\.1:\d+/,
          urls[0]!.replace(/\/app\/.*$/, ''),
        ),
      );
    });

    it('one large sticker a page, for a wall', async () => {
      const response = await get(admin, `/api/lanes/${lane.id}/stickers.pdf?perPage=1`);
      expect(response.status).toBe(200);
      const { pages } = await pdfText(response.body as Buffer);
      expect(pages).toBe(spaces.length);
    });

    it('refuses a page size it does not print, other councils and residents', async () => {
      const bad = await t
        .http()
        .get(`/api/lanes/${lane.id}/stickers.pdf?perPage=3`)
        .set('Authorization', `Bearer ${admin}`);
      expect(bad.status).toBe(400);
      expect(bad.body.reason).toBe('request.invalid');
      expect((await get(otherAdmin, `/api/lanes/${lane.id}/stickers.pdf`)).status).toBe(404);
      expect((await get(resident, `/api/lanes/${lane.id}/stickers.pdf`)).status).toBe(403);
      expect((await get(warden, `/api/lanes/${lane.id}/stickers.pdf`)).status).toBe(403);
    });
  });
});

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
