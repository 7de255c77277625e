import { type Attempt, attemptsOf, isRefusal, permittedProblem } from './access-matrix/attempts';
import { buildFixtures, type Fixtures, PHONES, type Who } from './access-matrix/fixtures';
import { ASSOCIATION_OPERATIONS } from './access-matrix/operations-associations';
import { OTHER_OPERATIONS } from './access-matrix/operations-others';
import type { Operation } from './access-matrix/rules';
import { ChangeDetector } from './access-matrix/unchanged';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Who may read and change what. Each row is a user's attempt; the expected status is what the
 * council agreed: residents touch only their household, nobody reads another association.
 */
describe('access matrix', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const [own] = await t.sql<{ household_id: string; id: string }>(
      `SELECT household_id, id FROM member WHERE phone = $1`,
      [DEMO.resident],
    );
    ids.ownHousehold = own!.household_id;
    ids.ownMember = own!.id;
    const [other] = await t.sql<{ household_id: string; id: string }>(
      `SELECT household_id, id FROM member WHERE phone = $1`,
      [DEMO.otherResident],
    );
    ids.otherHousehold = other!.household_id;
    ids.otherMember = other!.id;
    ids.ownVehicle = (
      await t.sql<{ id: string }>(`SELECT id FROM vehicle WHERE household_id = $1`, [
        ids.ownHousehold,
      ])
    )[0]!.id;
    ids.otherVehicle = (
      await t.sql<{ id: string }>(`SELECT id FROM vehicle WHERE household_id = $1`, [
        ids.otherHousehold,
      ])
    )[0]!.id;
    // A second association, with a household and a vehicle nobody in 4143 may touch.
    const [foreign] = await t.sql<{ id: string }>(
      `INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    ids.foreignAssociation = foreign!.id;
    const [foreignHousehold] = await t.sql<{ id: string }>(
      `INSERT INTO household (association_id, address) VALUES ($1, '文昌胡同1号') RETURNING id`,
      [foreign!.id],
    );
    ids.foreignHousehold = foreignHousehold!.id;
    const [foreignVehicle] = await t.sql<{ id: string }>(
      `INSERT INTO vehicle (association_id, household_id, plate, plate_color) VALUES ($1, $2, '京A99999', 'blue') RETURNING id`,
      [foreign!.id, foreignHousehold!.id],
    );
    ids.foreignVehicle = foreignVehicle!.id;
  });
  afterAll(() => t.close());

  const who = {
    admin: DEMO.admin,
    warden: DEMO.wardens[0],
    resident: DEMO.resident,
    unit: DEMO.unit,
    viewer: DEMO.viewer,
  };
  type Who = keyof typeof who;

  const reads: [Who, string, number][] = [
    ['admin', '/api/households', 200],
    ['warden', '/api/households', 200],
    ['viewer', '/api/households', 200],
    ['unit', '/api/households', 403],
    ['resident', '/api/households/{ownHousehold}', 200],
    ['resident', '/api/households/{otherHousehold}', 404],
    ['admin', '/api/households/{foreignHousehold}', 404],
    ['viewer', '/api/households/{foreignHousehold}', 404],
    ['resident', '/api/vehicles/{ownVehicle}', 200],
    ['resident', '/api/vehicles/{otherVehicle}', 404],
    ['warden', '/api/vehicles/{otherVehicle}', 200],
    ['admin', '/api/vehicles/{foreignVehicle}', 404],
    ['unit', '/api/vehicles/{ownVehicle}', 404],
    ['resident', '/api/members/{otherMember}', 404],
    ['admin', '/api/members/{otherMember}', 200],
    ['admin', '/api/associations/{foreignAssociation}', 404],
    ['admin', '/api/households/export.csv', 200],
    ['viewer', '/api/households/export.csv', 200],
    // Whoever lists households exports what they list (issue 14): a resident their own.
    ['resident', '/api/households/export.csv', 200],
    ['warden', '/api/households/export.csv', 200],
    ['unit', '/api/households/export.csv', 403],
    // The payment ledger (收费台账) is the council's, of its own association only.
    ['admin', '/api/payments', 200],
    ['warden', '/api/payments', 403],
    ['resident', '/api/payments', 403],
    ['unit', '/api/payments', 403],
    ['viewer', '/api/payments', 403],
    ['admin', '/api/payments?associationId={foreignAssociation}', 404],
    ['admin', '/api/households/export.xlsx', 200],
    ['viewer', '/api/households/export.xlsx', 200],
    ['resident', '/api/households/export.xlsx', 200],
    ['unit', '/api/households/export.xlsx', 403],
    ['warden', '/api/permits/export.xlsx', 200],
    ['resident', '/api/permits/export.csv', 200],
    ['unit', '/api/permits/export.csv', 403],
    ['warden', '/api/scans/export.csv', 200],
    ['resident', '/api/scans/export.csv', 403],
    ['viewer', '/api/scans/export.csv', 403],
    ['warden', '/api/rosters/roster.xlsx?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z', 200],
    ['warden', '/api/rosters/hours.csv?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z', 200],
    ['resident', '/api/rosters/roster.csv?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z', 403],
    ['admin', '/api/violations/export.xlsx', 200],
    ['viewer', '/api/violations/export.xlsx', 200],
    // A household exports its own violations, a warden the association's: as they list them.
    ['resident', '/api/violations/export.xlsx', 200],
    ['warden', '/api/violations/export.xlsx', 200],
    ['unit', '/api/violations/export.xlsx', 403],
    ['admin', '/api/violations/export.xlsx?associationId={foreignAssociation}', 404],
    ['viewer', '/api/violations/export.xlsx?associationId={foreignAssociation}', 404],
  ];

  it.each(reads)('%s GET %s → %i', async (role, path, status) => {
    const token = await t.login(who[role]);
    const response = await t.http().get(fill(path)).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(status);
    if (status >= 400)
      expect(response.body).toMatchObject({
        statusCode: status,
        error: expect.any(String),
        message: expect.any(String),
      });
  });

  const writes: [Who, 'post' | 'patch' | 'delete', string, object, number][] = [
    ['admin', 'post', '/api/households', { address: '下岗胡同99号' }, 201],
    ['warden', 'post', '/api/households', { address: '下岗胡同98号' }, 403],
    ['resident', 'post', '/api/households', { address: '下岗胡同97号' }, 403],
    ['viewer', 'post', '/api/households', { address: '下岗胡同96号' }, 403],
    ['resident', 'post', '/api/vehicles', { plate: '京A5K123' }, 201],
    [
      'resident',
      'post',
      '/api/vehicles',
      { plate: '京A5K124', householdId: '{otherHousehold}' },
      404,
    ],
    ['resident', 'patch', '/api/vehicles/{otherVehicle}', { plateColor: 'yellow' }, 404],
    ['resident', 'patch', '/api/members/{ownMember}', { name: '王秀兰' }, 200],
    ['resident', 'patch', '/api/members/{ownMember}', { role: 'admin' }, 403],
    ['resident', 'patch', '/api/members/{otherMember}', { name: '冒名' }, 404],
    ['warden', 'patch', '/api/vehicles/{otherVehicle}', { plateColor: 'yellow' }, 403],
    ['admin', 'patch', '/api/vehicles/{foreignVehicle}', { plateColor: 'yellow' }, 404],
    ['admin', 'delete', '/api/households/{foreignHousehold}', {}, 404],
    ['unit', 'post', '/api/vehicles', { plate: '京A5K125' }, 403],
    [
      'admin',
      'post',
      '/api/lanes',
      {
        name: '新胡同',
        geometry: [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
        ],
      },
      201,
    ],
    [
      'resident',
      'post',
      '/api/lanes',
      {
        name: '私胡同',
        geometry: [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
        ],
      },
      403,
    ],
  ];

  it.each(writes)('%s %s %s → %i', async (role, method, path, body, status) => {
    const token = await t.login(who[role]);
    const payload = JSON.parse(fill(JSON.stringify(body)));
    const agent = t.http();
    const response = await agent[method](fill(path))
      .set('Authorization', `Bearer ${token}`)
      .send(payload);
    expect(response.status).toBe(status);
  });

  it('the foreign association is untouched by all of the above', async () => {
    const [vehicle] = await t.sql<{ plate_color: string }>(
      `SELECT plate_color FROM vehicle WHERE id = $1`,
      [ids.foreignVehicle],
    );
    expect(vehicle!.plate_color).toBe('blue');
    expect(
      await t.sql(`SELECT 1 FROM household WHERE id = $1`, [ids.foreignHousehold]),
    ).toHaveLength(1);
  });

  it('masks phones and plates for readers who do not need them', async () => {
    const viewer = await t.login(DEMO.viewer);
    const members = await t
      .http()
      .get('/api/members?pageSize=5')
      .set('Authorization', `Bearer ${viewer}`);
    // Anyone but the viewer (demo members share one creation time, so the order is by id).
    const someoneElse = members.body.items.find(
      (m: { phone: string }) => !m.phone.endsWith('0200'),
    );
    expect(someoneElse.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const vehicles = await t
      .http()
      .get('/api/vehicles?pageSize=5')
      .set('Authorization', `Bearer ${viewer}`);
    expect(vehicles.body.items[0].plate).toMatch(/^京[A-Z]·\*\*\*\w{2}$/);

    const warden = await t.login(DEMO.wardens[0]);
    const seen = await t
      .http()
      .get('/api/vehicles?pageSize=5')
      .set('Authorization', `Bearer ${warden}`);
    expect(seen.body.items[0].plate).not.toContain('*');
    const wardenMembers = await t
      .http()
      .get('/api/members?pageSize=5&role=resident')
      .set('Authorization', `Bearer ${warden}`);
    expect(wardenMembers.body.items[0].phone).toContain('****');
  });

  it('a resident lists only their own household', async () => {
    const token = await t.login(DEMO.resident);
    const list = await t.http().get('/api/households').set('Authorization', `Bearer ${token}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(ids.ownHousehold);
  });

  function fill(text: string): string {
    return text.replace(/\{(\w+)\}/g, (_m, key: string) => ids[key] ?? key);
  }
});

/**
 * Every write of every resource, per role, per field where the rule differs by field: the list
 * of operations and fields comes from the OpenAPI document, so a new endpoint or field fails here
 * until someone says who may write it. Refused writes must change nothing.
 */
describe('access matrix of every write (from /api/docs-json)', () => {
  const OPERATIONS: Record<string, Operation | Operation[]> = {
    ...ASSOCIATION_OPERATIONS,
    ...OTHER_OPERATIONS,
  };
  /** Anyone may call these without a token: they are how one gets one. */
  const PUBLIC = [
    'POST /api/auth/login',
    'POST /api/auth/refresh',
    // The driver of a car nobody knows answers its windscreen notice: the token is the key.
    'POST /api/move-notices/{token}/answer',
  ];
  let t: TestApp;
  let fx: Fixtures;
  let doc: {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  interface OpenApiOperation {
    security?: unknown[];
    requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  }

  beforeAll(async () => {
    const previous = process.env.SHARING_REMINDER_INTERVAL_SECONDS;
    const previousRestriction = process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS;
    // No background job may write while the matrix checks that refusals changed nothing.
    process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
    process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS = '0';
    try {
      t = await startTestApp();
    } finally {
      if (previous === undefined) delete process.env.SHARING_REMINDER_INTERVAL_SECONDS;
      else process.env.SHARING_REMINDER_INTERVAL_SECONDS = previous;
      if (previousRestriction === undefined)
        delete process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS;
      else process.env.RESTRICTION_REMINDER_INTERVAL_SECONDS = previousRestriction;
    }
    doc = (await t.http().get('/api/docs-json')).body;
    fx = await buildFixtures(t);
  });
  afterAll(() => t.close());

  const writesOfDocument = () =>
    Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'patch', 'put', 'delete'].includes(method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  const fieldsOf = (operation: OpenApiOperation): string[] => {
    const ref = operation.requestBody?.content['application/json']?.schema?.$ref;
    const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
    return Object.keys(schema?.properties ?? {}).sort();
  };
  const variants = (key: string): Operation[] => [OPERATIONS[key] ?? []].flat();

  it('names every write operation of the document, and every field of its body', () => {
    const written = writesOfDocument().map((w) => w.key);
    expect(written.length).toBeGreaterThan(70);
    expect(Object.keys(OPERATIONS).sort()).toEqual(
      written.filter((k) => !PUBLIC.includes(k)).sort(),
    );
    for (const { key, operation } of writesOfDocument()) {
      if (PUBLIC.includes(key)) continue;
      for (const variant of variants(key)) {
        const listed = (variant.fields ?? '').split(' ').filter(Boolean).sort();
        expect({ key, fields: listed }).toEqual({ key, fields: fieldsOf(operation) });
      }
    }
  });

  const all = (): Attempt[] =>
    Object.entries(OPERATIONS).flatMap(([key, operation]) =>
      [operation].flat().flatMap((variant) => attemptsOf(key, variant, fx)),
    );

  const send = async (attempt: Attempt, token: string) => {
    const agent = t.http();
    const call = agent[attempt.method](attempt.url)
      .set('authorization', `Bearer ${token}`)
      .set('accept-language', 'en');
    if (attempt.csv !== undefined) return call.set('content-type', 'text/csv').send(attempt.csv);
    return attempt.body === undefined ? call : call.send(attempt.body);
  };
  const describeAttempt = (a: Attempt) => `${a.who} ${a.key}${a.field ? ` [${a.field}]` : ''}`;

  it('refuses every role the policy refuses, field by field, and the refusal changes nothing', async () => {
    const problems: string[] = [];
    const refused = all().filter((a) => a.expected === 'refuse');
    expect(refused.length).toBeGreaterThan(250);
    // Log everyone in first: a login writes a refresh session, which is no refused write.
    for (const phone of Object.values(PHONES)) await t.login(phone);
    const detector = new ChangeDetector(t);
    await detector.start();
    for (const attempt of refused) {
      const token = await t.login(PHONES[attempt.who]);
      const { result, changed } = await detector.changedBy(() => send(attempt, token));
      if (!isRefusal(result.status, result.body?.reason)) {
        problems.push(`${describeAttempt(attempt)}: expected a refusal, got ${result.status}`);
      } else if (changed.length > 0) {
        problems.push(`${describeAttempt(attempt)}: refused but changed ${changed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets every role the policy permits past the access checks', async () => {
    const problems: string[] = [];
    const order = { write: 0, delete: 1, session: 2 } as const;
    const permitted = all()
      .filter((a) => a.expected === 'write')
      .sort((a, b) => order[a.phase] - order[b.phase]);
    for (const attempt of permitted) {
      // Deleting or ending sessions may end this role's cached token: log in afresh for those.
      const token =
        attempt.phase === 'write'
          ? await t.login(PHONES[attempt.who])
          : await freshToken(attempt.who);
      const response = await send(attempt, token);
      const problem = permittedProblem(attempt, response.status, response.body?.reason);
      if (problem) problems.push(`${describeAttempt(attempt)}: ${problem}`);
    }
    expect(problems).toEqual([]);
    // Every write the document names, each permitted role once: on two shared cores this passes
    // a minute (account-making routes hash a password each).
  }, 180_000);

  async function freshToken(who: Who): Promise<string> {
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: PHONES[who], password: DEMO.password });
    if (response.status !== 200) throw new Error(`login ${who}: ${response.status}`);
    return response.body.accessToken as string;
  }
});
