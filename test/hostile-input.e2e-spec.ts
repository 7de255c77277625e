import { connect } from 'node:net';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Input meant to break the service gets a 4xx in the one error body, in the reader's language,
 * before it reaches a validator's recursion or PostgreSQL (issue 11, items 8–10 and 14).
 */
describe('hostile input', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  describe('a JSON body nested thousands of levels deep, or with too many keys', () => {
    it.each([
      ['login', '/api/auth/login', `{"phone":"13800000001","password":${deepArray(5000)}}`],
      ['refresh', '/api/auth/refresh', `{"refreshToken":${deepObject(5000)}}`],
    ])('is refused on %s, unauthenticated, before validation', async (_, path, body) => {
      const response = await t
        .http()
        .post(path)
        .set('content-type', 'application/json')
        .set('accept-language', 'en')
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        reason: 'request.too_deep',
        params: { limit: 32 },
        message: 'The request body is nested too deeply: at most 32 levels',
      });
    });

    it('is refused in Chinese by default, as is a body of 240 KB of keys', async () => {
      const deep = await t
        .http()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(deepArray(33));
      expect(deep.status).toBe(400);
      expect(deep.body.message).toBe('请求内容嵌套过深，最多 32 层');

      const wide = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
      expect(wide.length).toBeGreaterThan(200_000);
      const response = await t
        .http()
        .post('/api/households')
        .set('Authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send(wide);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        reason: 'request.too_many_keys',
        params: { limit: 10000 },
      });
    });

    it('still reads a body 32 levels deep and refuses its shape, not its depth', async () => {
      const response = await t
        .http()
        .post('/api/auth/refresh')
        .set('content-type', 'application/json')
        .send(`{"refreshToken":${deepArray(31)}}`);
      expect(response.status).toBe(400);
      expect(response.body.reason).toBe('request.invalid');
    });

    it('a __proto__ key is still refused as Fastify refused it', async () => {
      const response = await t
        .http()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"phone":"1","password":"x","__proto__":{"admin":true}}');
      expect(response.status).toBe(400);
      expect(response.body.reason).toBe('request.malformed_json');
    });
  });

  describe('text with a NUL, control or text-direction character', () => {
    const [nul, bidi] = ['\u0000', '\u202e'];

    it('is refused in a body, naming the field, and nothing is stored', async () => {
      const before = await t.sql(`SELECT count(*) FROM household`);
      const response = await t
        .http()
        .post('/api/households')
        .set('Authorization', `Bearer ${admin}`)
        .set('accept-language', 'en')
        .send({ address: `下岗胡同50号${nul}` });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        reason: 'request.invalid',
        details: [
          {
            field: 'address',
            rules: ['noControlCharacters'],
            problems: ['must not contain control characters'],
          },
        ],
      });
      expect(await t.sql(`SELECT count(*) FROM household`)).toEqual(before);
    });

    it('is refused in a query value and in a path parameter', async () => {
      const query = await t
        .http()
        .get(`/api/households?search=${encodeURIComponent(`下岗${nul}`)}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(query.status).toBe(400);
      expect(query.body.details).toEqual([
        expect.objectContaining({ field: 'search', problems: ['含有不允许的控制字符'] }),
      ]);
      const param = await t
        .http()
        .get('/api/shift-feeds/a%00b.ics')
        .set('Authorization', `Bearer ${admin}`);
      expect(param.status).toBe(400);
      expect(param.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    });

    it('a name with a right-to-left override is refused; emoji and line breaks are fine', async () => {
      const [household] = await t.sql<{ id: string }>(`SELECT id FROM household LIMIT 1`);
      const member = (name: string) =>
        t
          .http()
          .post('/api/members')
          .set('Authorization', `Bearer ${admin}`)
          .set('accept-language', 'en')
          .send({ name, phone: '13900000077', householdId: household!.id, role: 'resident' });
      const spoofed = await member(`王${bidi}秀兰`);
      expect(spoofed.status).toBe(400);
      expect(spoofed.body.details).toEqual([
        {
          field: 'name',
          rules: ['noBidiControls'],
          problems: ['must not contain text-direction control characters'],
        },
      ]);
      const emoji = await t
        .http()
        .post('/api/households')
        .set('Authorization', `Bearer ${admin}`)
        .send({ address: '下岗胡同52号 🚗\n东屋\t北屋' });
      expect(emoji.status).toBe(201);
    });

    it('a CSV import keeps its line breaks but not a NUL', async () => {
      const csv = (text: string) =>
        t
          .http()
          .post('/api/households/import?dryRun=true')
          .set('Authorization', `Bearer ${admin}`)
          .set('content-type', 'text/csv')
          .send(text);
      const header = 'address,name,phone,role,partyMember,volunteer,plate,plateColor\r\n';
      const row = '下岗胡同60号,王秀兰,13800000061,resident,true,false,京A12345,blue\r\n';
      expect((await csv(header + row)).status).toBe(200);
      const withNul = await csv(header + row.replace('王', `王${nul}`));
      expect(withNul.status).toBe(400);
      expect(withNul.body.details[0].field).toBe('body');
    });
  });

  describe('integers beyond PostgreSQL and explicit nulls', () => {
    it('?page=99999999999999999999 is refused at validation', async () => {
      const response = await t
        .http()
        .get('/api/households?page=99999999999999999999')
        .set('Authorization', `Bearer ${admin}`)
        .set('accept-language', 'en');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        reason: 'request.invalid',
        details: [expect.objectContaining({ field: 'page' })],
      });
    });

    it('the last page a query may ask for is answered, empty', async () => {
      for (const list of ['households', 'members', 'vehicles', 'permits', 'scans', 'violations']) {
        const response = await t
          .http()
          .get(`/api/${list}?page=2147483647&pageSize=500`)
          .set('Authorization', `Bearer ${admin}`);
        expect({ list, status: response.status }).toEqual({ list, status: 200 });
        expect(response.body.items).toEqual([]);
      }
    });

    it('an integer past 2^31 in a body is refused wherever it is', async () => {
      const [lane] = await t.sql<{ id: string }>(`SELECT id FROM lane LIMIT 1`);
      const response = await t
        .http()
        .put(`/api/lanes/${lane!.id}/segments`)
        .set('Authorization', `Bearer ${admin}`)
        .send({
          segments: [{ fromM: 0, toM: 1e20, widthM: 6, clearPassageM: 4 }],
        });
      expect(response.status).toBe(400);
      expect(response.body.reason).toBe('request.invalid');
    });

    it('null for an optional field is refused, not stored', async () => {
      const [member] = await t.sql<{ id: string; name: string }>(
        `SELECT id, name FROM member WHERE phone = $1`,
        [DEMO.otherResident],
      );
      for (const field of ['name', 'active', 'partyMember']) {
        const response = await t
          .http()
          .patch(`/api/members/${member!.id}`)
          .set('Authorization', `Bearer ${admin}`)
          .set('accept-language', 'en')
          .send({ [field]: null });
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([
          {
            field,
            rules: ['isNotNull'],
            problems: ['must not be null: leave the field out instead'],
          },
        ]);
      }
      const [after] = await t.sql<{ name: string }>(`SELECT name FROM member WHERE id = $1`, [
        member!.id,
      ]);
      expect(after!.name).toBe(member!.name);
    });

    it('null where the DTO means it (no household for a space) is still accepted', async () => {
      const [space] = await t.sql<{ id: string }>(`SELECT id FROM space LIMIT 1`);
      const response = await t
        .http()
        .patch(`/api/spaces/${space!.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ householdId: null });
      expect(response.status).toBe(200);
    });
  });

  describe("the HTTP layer's own refusals, in the service's error body", () => {
    it('a malformed percent-encoding in the path → 400 request.bad_url, zh and en', async () => {
      const zh = await t
        .http()
        .get('/api/households/%E0%A4%A')
        .set('Authorization', `Bearer ${admin}`);
      expect(zh.status).toBe(400);
      expect(zh.body).toEqual({
        statusCode: 400,
        error: 'validation',
        reason: 'request.bad_url',
        message: '请求地址格式不正确',
      });
      expect(zh.headers['x-content-type-options']).toBe('nosniff');
      const en = await t.http().get('/api/households/%E0%A4%A').set('accept-language', 'en');
      expect(en.body.message).toBe('The request address is malformed');
      expect(en.headers['content-language']).toBe('en');
    });

    it('a path segment past the router’s limit → 414 request.uri_too_long', async () => {
      const response = await t
        .http()
        .get(`/api/households/${'a'.repeat(300)}`)
        .set('accept-language', 'en');
      expect(response.status).toBe(414);
      expect(response.body).toMatchObject({
        reason: 'request.uri_too_long',
        message: 'The request address is too long',
      });
    });

    it('headers too large → 431 from the HTTP parser, in the language asked for', async () => {
      const big = 'x'.repeat(20_000);
      const en = await rawRequest(
        `GET /api/me HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\nX-Big: ${big}\r\n\r\n`,
      );
      expect(en.status).toBe(431);
      expect(en.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(en.headers['x-content-type-options']).toBe('nosniff');
      expect(en.body).toEqual({
        statusCode: 431,
        error: 'validation',
        reason: 'request.headers_too_large',
        message: 'The request headers are too large',
      });
      const zh = await rawRequest(`GET /api/me HTTP/1.1\r\nHost: t\r\nX-Big: ${big}\r\n\r\n`);
      expect(zh.body).toMatchObject({ reason: 'request.headers_too_large', message: '请求头过大' });
    });

    it('an address longer than the parser reads → 414, zh and en', async () => {
      const path = `/api/households?search=${'a'.repeat(20_000)}`;
      const en = await rawRequest(`GET ${path} HTTP/1.1\r\nAccept-Language: en\r\nHost: t\r\n\r\n`);
      expect(en.status).toBe(414);
      expect(en.body).toMatchObject({
        reason: 'request.uri_too_long',
        message: 'The request address is too long',
      });
      const zh = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`);
      expect(zh.body).toMatchObject({ reason: 'request.uri_too_long', message: '请求地址过长' });
    });

    it('a method no route has, known to HTTP or not, is answered in the same body', async () => {
      const patch = await t.http().patch('/api/auth/login').set('accept-language', 'en').send({});
      expect(patch.status).toBe(404);
      expect(patch.body).toMatchObject({ reason: 'not_found', message: 'The route was not found' });
      const propfind = await rawRequest(
        'PROPFIND /api/me HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\nConnection: close\r\n\r\n',
      );
      expect(propfind.status).toBe(404);
      expect(propfind.body).toMatchObject({ reason: 'not_found' });
    });

    it('a request that is not HTTP → 400 request.malformed', async () => {
      for (const text of [
        'FOO /api/me HTTP/1.1\r\nAccept-Language: en\r\n\r\n',
        'GET /api/me HTTP/1.1\r\nAccept-Language: en\r\nBad Header: x\r\n\r\n',
      ]) {
        const response = await rawRequest(text);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          reason: 'request.malformed',
          message: 'The request is malformed and cannot be read',
        });
      }
    });
  });

  /** Writes bytes supertest would refuse to send, and reads the one response back. */
  function rawRequest(text: string): Promise<{
    status: number;
    headers: Record<string, string>;
    body: unknown;
  }> {
    const { hostname, port } = new URL(t.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(text));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', body = ''] = raw.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
          }),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) });
      });
    });
  }
});
