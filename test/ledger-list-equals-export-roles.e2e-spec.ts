import { parse } from 'csv-parse/sync';
import { addMember, addResidentWithCar, onboardAssociation } from './support/factories';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, openLedger } from './support/workbook';

/** 砖塔车友会's council: another association, with its own households, permits and roster. */
const OTHER_COUNCIL = '13800000400';
/** Staff of 二龙路小学, which lends its yard at night; the other unit's staff is DEMO.unit. */
const SCHOOL_STAFF = '13800000101';
/** Residents of 下岗胡同 with a car each (households 2 to 5). */
const BOOKERS = ['13800000011', '13800000012', '13800000013'];

/**
 * The rows a reader may list are the rows they may export, for every ledger and every role that
 * reads it: households, permits, bookings, occupancy sessions, the roster and its hours, and the
 * accounts past the list's first page. Wardens and residents export what they list, masked as
 * their list masks it; roles that may not list are refused the export too, not given less.
 */
describe('list equals export, per role, for the remaining ledgers', () => {
  let t: TestApp;
  let association: string;
  const tokens: Record<string, string> = {};

  const get = (token: string, path: string) =>
    t.http().get(path).set('authorization', `Bearer ${token}`);

  /** Every item of a paged list, page after page. */
  const listed = async (token: string, path: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page += 1) {
      const join = path.includes('?') ? '&' : '?';
      const response = await get(token, `${path}${join}page=${page}&pageSize=100`);
      expect(response.status).toBe(200);
      const body = response.body as { items: Record<string, unknown>[]; total: number };
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0) {
        expect(items).toHaveLength(body.total);
        return items;
      }
    }
  };

  /** One column of the CSV and the same column of the workbook, as text, checked alike. */
  const exported = async (token: string, base: string, query = '') => {
    const url = (ext: string) => `${base}.${ext}${query ? `?${query}` : ''}`;
    const csv = await get(token, url('csv'));
    const xlsx = await binary(get(token, url('xlsx')));
    expect(csv.status).toBe(200);
    expect(xlsx.status).toBe(200);
    const [header, ...rows]: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    const ledger = await openLedger(xlsx);
    expect(ledger.headers).toEqual(header);
    expect(ledger.rows).toHaveLength(rows.length);
    return (name: string): string[] => {
      const index = header!.indexOf(name);
      expect(index).toBeGreaterThanOrEqual(0);
      const fromCsv = rows.map((r) => r[index]!);
      expect(ledger.rows.map((r) => r[index]!.text)).toEqual(fromCsv);
      return fromCsv;
    };
  };

  const refused = async (token: string, base: string, query = '', statuses = [403]) => {
    for (const ext of ['csv', 'xlsx']) {
      const response = await get(token, `${base}.${ext}${query ? `?${query}` : ''}`);
      expect(statuses).toContain(response.status);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const [row] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    association = row!.id;
    for (const [name, phone] of Object.entries({
      admin: DEMO.admin,
      viewer: DEMO.viewer,
      warden: DEMO.wardens[0],
      resident: DEMO.resident,
      other: OTHER_COUNCIL,
      school: SCHOOL_STAFF,
      office: DEMO.unit,
    })) {
      tokens[name] = await t.login(phone);
    }
    // A fresh association, built as the street office and its council would.
    const fresh = await onboardAssociation(t);
    await addResidentWithCar(t, fresh.council);
    await addResidentWithCar(t, fresh.council);
    tokens.fresh = fresh.council.token;
    tokens.freshWarden = (await addMember(t, fresh.council, { role: 'warden' })).token;
  }, 120_000);
  afterAll(() => t.close());

  describe('households (住户台账)', () => {
    it.each(['admin', 'viewer', 'other', 'fresh', 'warden', 'freshWarden', 'resident'])(
      '%s: the export’s households are the listed ones, in the list’s order',
      async (who) => {
        const list = await listed(tokens[who]!, '/api/households');
        const column = await exported(tokens[who]!, '/api/households/export');
        const addresses = column('门牌').filter((a, i, all) => i === 0 || all[i - 1] !== a);
        expect(addresses).toEqual(list.map((h) => h.address));
        expect(addresses.length).toBeGreaterThan(0);
        if (who === 'viewer') {
          // The street office's copy is masked, as its list of members is.
          expect(column('手机').filter((p) => /^1\d{10}$/.test(p))).toEqual([]);
        }
        if (who === 'resident') expect(addresses).toHaveLength(1);
      },
    );

    it.each(['warden', 'resident', 'viewer', 'admin'])(
      '%s: each phone and plate of the export reads as the household’s page shows it',
      async (who) => {
        const token = tokens[who]!;
        const column = await exported(token, '/api/households/export');
        const [addresses, names, phones, plates] = ['门牌', '姓名', '手机', '车牌'].map(column);
        const list = await listed(token, '/api/households');
        type Detail = {
          members: { name: string; phone: string }[];
          vehicles: { plate: string }[];
        };
        const pages = new Map<string, Detail>();
        for (const h of list) {
          const page = await get(token, `/api/households/${String(h.id)}`);
          expect(page.status).toBe(200);
          pages.set(String(h.address), page.body as Detail);
        }
        let fullPhones = 0;
        let maskedPhones = 0;
        addresses!.forEach((address, i) => {
          const page = pages.get(address)!;
          if (names![i]) {
            expect(page.members.map((m) => [m.name, m.phone])).toContainEqual([
              names![i],
              phones![i],
            ]);
            if (phones![i]!.includes('*')) maskedPhones += 1;
            else fullPhones += 1;
          }
          if (plates![i]) expect(page.vehicles.map((v) => v.plate)).toContain(plates![i]);
        });
        // A warden reads plates in full and phones masked, but their own household's; a resident
        // reads their own household in full; the street office reads it all masked.
        if (who === 'warden') {
          expect(maskedPhones).toBeGreaterThan(0);
          expect(plates!.filter((p) => p.includes('*'))).toEqual([]);
          expect(plates!.filter((p) => p).length).toBeGreaterThan(0);
        }
        if (who === 'resident' || who === 'admin') expect(maskedPhones).toBe(0);
        if (who === 'viewer') expect(fullPhones).toBe(0);
      },
    );

    it('resident units’ staff neither list households nor export them', async () => {
      for (const who of ['office', 'school']) {
        expect((await get(tokens[who]!, '/api/households')).status).toBe(403);
        await refused(tokens[who]!, '/api/households/export');
      }
    });
  });

  describe('permits (停车证台账)', () => {
    it.each(['admin', 'viewer', 'other', 'warden', 'resident'])(
      '%s: every listed permit is in the export with its transitions, and no other',
      async (who) => {
        const list = await listed(tokens[who]!, '/api/permits');
        const column = await exported(tokens[who]!, '/api/permits/export');
        const numbers = column('证号');
        const listedNumbers = list.map((p) => String(p.number)).sort();
        expect([...new Set(numbers)].sort()).toEqual(listedNumbers);
        // Plates as the list shows them to this reader: masked for the street office only.
        const plateOf = new Map(list.map((p) => [String(p.number), String(p.plate)]));
        expect(column('车牌')).toEqual(numbers.map((n) => plateOf.get(n)));
        if (who === 'other') return;
        expect(list.length).toBeGreaterThan(0);
        const masked = column('车牌').filter((p) => p.includes('*')).length;
        if (who === 'viewer') expect(masked).toBe(numbers.length);
        else expect(masked).toBe(0);
        const first = list[0]!;
        const events = await get(tokens[who]!, `/api/permits/${String(first.id)}/events`);
        expect(events.status).toBe(200);
        expect(numbers.filter((n) => n === String(first.number))).toHaveLength(
          (events.body as unknown[]).length,
        );
      },
    );

    it('a resident’s export holds their household’s permits only', async () => {
      const all = await listed(tokens.admin!, '/api/permits');
      const own = await listed(tokens.resident!, '/api/permits');
      expect(own.length).toBeLessThan(all.length);
      const column = await exported(tokens.resident!, '/api/permits/export');
      const households = new Set(own.map((p) => p.householdId));
      expect(households.size).toBe(1);
      expect(new Set(column('证号'))).toEqual(new Set(own.map((p) => String(p.number))));
    });

    it('resident units’ staff neither list permits nor export them', async () => {
      for (const who of ['office', 'school']) {
        expect((await get(tokens[who]!, '/api/permits')).status).toBe(403);
        await refused(tokens[who]!, '/api/permits/export');
      }
    });
  });

  describe('bookings (预约台账)', () => {
    let yard: string;
    const nights: string[] = [];

    beforeAll(async () => {
      const [park] = await t.sql<{ id: string }>(
        `SELECT id FROM car_park WHERE name LIKE '二龙路小学%' LIMIT 1`,
      );
      yard = park!.id;
      const [day] = await t.sql<{ tomorrow: string; after: string }>(
        `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 1, 'YYYY-MM-DD') AS tomorrow,
                to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 2, 'YYYY-MM-DD') AS after`,
      );
      nights.push(day!.tomorrow, day!.after);
      for (const [index, phone] of BOOKERS.entries()) {
        const token = await t.login(phone);
        const offers = await get(token, '/api/offers');
        const school = (offers.body as { id: string; title: string; termsHash: string }[]).find(
          (o) => o.title.startsWith('二龙路小学'),
        )!;
        const [vehicle] = await t.sql<{ id: string }>(
          `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
            WHERE m.phone = $1 AND v.archived_at IS NULL LIMIT 1`,
          [phone],
        );
        for (const night of index === 0 ? nights : [nights[0]!]) {
          const booked = await t
            .http()
            .post(`/api/offers/${school.id}/bookings`)
            .set('authorization', `Bearer ${token}`)
            .send({
              date: night,
              vehicleId: vehicle!.id,
              acceptTerms: true,
              termsHash: school.termsHash,
            });
          expect(booked.status).toBe(201);
          // The second booker changes their mind: a cancelled row stays, listed after the live ones.
          if (index === 1) {
            const cancelled = await t
              .http()
              .delete(`/api/bookings/${booked.body.id as string}`)
              .set('authorization', `Bearer ${token}`);
            expect(cancelled.status).toBe(200);
          }
        }
      }
    }, 60_000);

    it.each(['school', 'admin', 'warden'])(
      '%s: a night’s export is the night’s list, plates and order as listed; the whole ledger is night after night',
      async (who) => {
        const lists: Record<string, unknown>[][] = [];
        for (const night of nights) {
          const response = await get(
            tokens[who]!,
            `/api/car-parks/${yard}/bookings?night=${night}`,
          );
          expect(response.status).toBe(200);
          const list = response.body as Record<string, unknown>[];
          const column = await exported(
            tokens[who]!,
            `/api/car-parks/${yard}/bookings`,
            `from=${night}&to=${night}`,
          );
          expect(column('车牌')).toEqual(list.map((b) => b.plate));
          expect(column('车位')).toEqual(list.map((b) => b.spaceCode ?? ''));
          expect(column('日期')).toEqual(list.map(() => night));
          lists.push(list);
        }
        expect(lists[0]!.map((b) => b.status)).toEqual(['booked', 'booked', 'cancelled']);
        const whole = await exported(
          tokens[who]!,
          `/api/car-parks/${yard}/bookings`,
          `from=${nights[0]!}`,
        );
        expect(whole('车牌')).toEqual(lists.flat().map((b) => b.plate));
      },
    );

    it('another unit, another association, a resident and the street office export nothing', async () => {
      await refused(tokens.office!, `/api/car-parks/${yard}/bookings`, '', [403, 404]);
      await refused(tokens.other!, `/api/car-parks/${yard}/bookings`, '', [403, 404]);
      await refused(tokens.resident!, `/api/car-parks/${yard}/bookings`);
      await refused(tokens.viewer!, `/api/car-parks/${yard}/bookings`);
    });
  });

  describe('occupancy sessions (停车台账)', () => {
    let lane: string;
    let period: string;

    beforeAll(async () => {
      const [busiest] = await t.sql<{ id: string; from: Date }>(
        `SELECT l.id, (SELECT min(started_at) FROM occupancy_session o WHERE o.lane_id = l.id)
                  AS from
           FROM lane l WHERE l.association_id = $1
          ORDER BY (SELECT count(*) FROM occupancy_session o WHERE o.lane_id = l.id) DESC LIMIT 1`,
        [association],
      );
      lane = busiest!.id;
      period = `from=${encodeURIComponent(busiest!.from.toISOString())}`;
    });

    it.each([
      ['admin', ''],
      ['admin', 'period'],
      ['viewer', ''],
    ])('%s (%s): the export holds the listed sessions, plates as listed', async (who, query) => {
      const q = query ? period : '';
      const list = await listed(tokens[who]!, `/api/lanes/${lane}/sessions${q ? `?${q}` : ''}`);
      const column = await exported(tokens[who]!, `/api/lanes/${lane}/sessions`, q);
      expect(list.length).toBeGreaterThan(0);
      expect(column('车位')).toEqual(list.map((s) => s.spaceCode));
      expect(column('车牌')).toEqual(list.map((s) => s.plate));
      if (who === 'viewer') expect(column('车牌').every((p) => p.includes('*'))).toBe(true);
    });

    it('wardens and residents neither list nor export; another association sees no lane', async () => {
      for (const who of ['warden', 'resident']) {
        expect((await get(tokens[who]!, `/api/lanes/${lane}/sessions`)).status).toBe(403);
        await refused(tokens[who]!, `/api/lanes/${lane}/sessions`);
      }
      expect([403, 404]).toContain(
        (await get(tokens.other!, `/api/lanes/${lane}/sessions`)).status,
      );
      await refused(tokens.other!, `/api/lanes/${lane}/sessions`, '', [403, 404]);
    });
  });

  describe('the roster (值班表) and its hours (值班工时台账)', () => {
    let period: string;
    let from: Date;

    beforeAll(async () => {
      // Three days from the middle of a shift: the list shows the shift already running, so the
      // ledger does too.
      const [shift] = await t.sql<{ starts_at: Date }>(
        `SELECT starts_at FROM duty_shift WHERE association_id = $1 AND starts_at > now()
          ORDER BY starts_at LIMIT 1`,
        [association],
      );
      from = new Date(shift!.starts_at.getTime() + 2 * 3_600_000);
      const to = new Date(from.getTime() + 3 * 86_400_000);
      period = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
      // A one-off shift nobody is on yet: the list shows it, a gap the ledger must show too.
      const added = await t
        .http()
        .post('/api/rosters/shifts')
        .set('authorization', `Bearer ${tokens.admin!}`)
        .send({
          kind: 'volunteer',
          name: '庙会加班',
          from: new Date(from.getTime() + 3_600_000).toISOString(),
          to: new Date(from.getTime() + 3 * 3_600_000).toISOString(),
        });
      expect(added.status).toBeLessThan(300);
    });

    type Shift = { name: string; from: string; assignments: { memberName: string }[] };

    it.each(['admin', 'viewer', 'other', 'warden'])(
      '%s: one row per person on each listed shift, a shift nobody is on as one row',
      async (who) => {
        const shifts = (await get(tokens[who]!, `/api/rosters/shifts?${period}`)).body as Shift[];
        const column = await exported(tokens[who]!, '/api/rosters/roster', period);
        const expected = shifts.flatMap((s) =>
          s.assignments.length > 0
            ? s.assignments.map((a) => [s.name, a.memberName])
            : [[s.name, '']],
        );
        expect(column('班次').map((name, i) => [name, column('姓名')[i]])).toEqual(expected);
        if (who !== 'other') {
          expect(expected).toContainEqual(['庙会加班', '']);
          expect(column('状态')).toContain('无人值班');
          expect(new Date(shifts[0]!.from).getTime()).toBeLessThan(from.getTime());
          // Hours count each shift in the period it starts in: the running one is not counted.
          const hours = await exported(tokens[who]!, '/api/rosters/hours', period);
          const counted = hours('班次数').reduce((sum, n) => sum + Number(n), 0);
          const starting = shifts
            .filter((s) => new Date(s.from) >= from)
            .reduce((sum, s) => sum + s.assignments.length, 0);
          expect(counted).toBe(starting);
        }
      },
    );

    it('residents read neither the roster nor its ledgers', async () => {
      expect((await get(tokens.resident!, `/api/rosters/shifts?${period}`)).status).toBe(403);
      await refused(tokens.resident!, '/api/rosters/roster', period);
      await refused(tokens.resident!, '/api/rosters/hours', period);
    });
  });

  describe('the accounts (收支台账) past the list’s first page', () => {
    beforeAll(async () => {
      // 620 lines recorded in one statement: they share their recording time to the microsecond.
      await t.sql(
        `INSERT INTO finance_entry (association_id, direction, category, amount_cny, occurred_on, note)
         SELECT $1, 'expense', 'paint', n, DATE '2026-10-01' + (n / 100), '第' || n || '笔'
           FROM generate_series(1, 620) AS n`,
        [association],
      );
    });

    it.each(['admin', 'viewer'])('%s: page after page, the list is the export', async (who) => {
      const list = await listed(tokens[who]!, '/api/finance/entries');
      expect(list.length).toBeGreaterThanOrEqual(620);
      const column = await exported(tokens[who]!, '/api/finance/entries/export');
      expect(column('摘要')).toEqual(list.map((e) => e.note));
    });

    it('wardens and residents neither list nor export', async () => {
      for (const who of ['warden', 'resident']) {
        expect((await get(tokens[who]!, '/api/finance/entries')).status).toBe(403);
        await refused(tokens[who]!, '/api/finance/entries/export');
      }
    });
  });
});
