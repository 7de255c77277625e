import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { expectRefusal } from './support/refusals';

/** A JPEG as a phone sends it: JFIF, an EXIF block with the phone's position, the picture. */
function phonePhoto(size = 0): Buffer {
  const segment = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01', 'latin1')),
    segment(0xe1, Buffer.from('Exif\0\0GPSLatitude 39.9127 GPSLongitude 116.3612', 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.alloc(10, 2)),
    Buffer.alloc(size, 7),
    Buffer.from([0xff, 0xd9]),
  ]);
}
const dataUrl = (bytes: Buffer, type = 'image/jpeg') =>
  `data:${type};base64,${bytes.toString('base64')}`;

/**
 * A warden's day in 下岗胡同: a car in the fire lane is persuaded and moves (a violation step with
 * its account and photos); another is persuaded without a violation; a driver looking for a space
 * is guided in one tap. The household sees its own record and photos, nobody else does, and the
 * public board counts the month's persuasion by outcome.
 */
describe('persuasion is a record', () => {
  let t: TestApp;
  let warden: string;
  let resident: string;
  let otherResident: string;
  let unit: string;
  let plate: string;
  let associationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    warden = await t.login(DEMO.wardens[0]);
    resident = await t.login(DEMO.resident);
    otherResident = await t.login(DEMO.otherResident);
    unit = await t.login(DEMO.unit);
    const [car] = await t.sql<{ plate: string; association_id: string }>(
      `SELECT v.plate, v.association_id FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 LIMIT 1`,
      [DEMO.resident],
    );
    ({ plate, association_id: associationId } = car!);
  }, 120_000);
  afterAll(() => t.close());

  const as = (token: string, lang = 'zh-CN') => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });

  let persuasionId: string;

  it('a violation step keeps what was said and what came of it', async () => {
    const recorded = await as(warden).post('/api/violations', {
      kind: 'blocking_passage',
      plate,
      place: '下岗胡同东口消防通道',
      note: '这里是消防通道，请挪到东口空位。',
      outcome: 'moved',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ step: 1, action: 'persuasion' });
    persuasionId = recorded.body.persuasionId;
    expect(persuasionId).toEqual(expect.any(String));

    const listed = await as(warden).get(`/api/persuasions?violationId=${recorded.body.id}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: persuasionId,
        kind: 'persuasion',
        violationId: recorded.body.id,
        note: '这里是消防通道，请挪到东口空位。',
        outcome: 'moved',
        place: '下岗胡同东口消防通道',
        photoIds: [],
      }),
    ]);
  });

  it('keeps up to three photos, stripped of the position the phone wrote into them', async () => {
    for (let i = 1; i <= 3; i++) {
      const added = await as(warden).post(`/api/persuasions/${persuasionId}/photos`, {
        photo: dataUrl(phonePhoto(i)),
      });
      expect(added.status).toBe(201);
      expect(added.body.photoIds).toHaveLength(i);
    }
    const fourth = await as(warden).post(`/api/persuasions/${persuasionId}/photos`, {
      photo: dataUrl(phonePhoto()),
    });
    expect(fourth.status).toBe(409);
    expectRefusal(fourth.body, 'persuasion.photos_full', {}, '每条劝导记录最多三张照片');

    const record = await as(resident).get(`/api/persuasions/${persuasionId}`);
    expect(record.status).toBe(200);
    const photo = await as(resident)
      .get(`/api/persuasions/${persuasionId}/photos/${record.body.photoIds[0]}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('private, no-store');
    const bytes = photo.body as Buffer;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.toString('latin1')).not.toContain('GPS');
    expect(bytes.toString('latin1')).toContain('JFIF');
  });

  it('shows the photos to staff and the household only', async () => {
    const record = await as(warden).get(`/api/persuasions/${persuasionId}`);
    const path = `/api/persuasions/${persuasionId}/photos/${record.body.photoIds[0]}`;
    expect((await as(warden).get(path)).status).toBe(200);
    expect((await as(await t.login(DEMO.admin)).get(path)).status).toBe(200);
    expect((await as(otherResident).get(path)).status).toBe(404);
    expect((await as(unit).get(path)).status).toBe(404);
    expect((await t.http().get(path)).status).toBe(401);
    expect((await as(otherResident).get(`/api/persuasions/${persuasionId}`)).status).toBe(404);
    expect((await as(otherResident).get('/api/persuasions')).body.items).toEqual([]);
    expect((await as(resident).get('/api/persuasions')).body.total).toBeGreaterThan(0);
  });

  it('refuses what is not a photo, or too large a one, changing nothing', async () => {
    const { body: other } = await as(warden).post('/api/persuasions', {
      plate,
      place: '下岗胡同19号门口',
      outcome: 'promised',
    });
    const gif = await as(warden).post(`/api/persuasions/${other.id}/photos`, {
      photo: dataUrl(Buffer.from('GIF89a....'), 'image/gif'),
    });
    expectRefusal(gif.body, 'persuasion.photo_format', {}, '照片须为JPEG或PNG图片');
    const disguised = await as(warden).post(`/api/persuasions/${other.id}/photos`, {
      photo: dataUrl(Buffer.from('<svg onload="alert(1)"/>')),
    });
    expect(disguised.status).toBe(400);
    const big = await as(warden, 'en').post(`/api/persuasions/${other.id}/photos`, {
      photo: dataUrl(phonePhoto(150 * 1024)),
    });
    expect(big.status).toBe(413);
    expectRefusal(
      big.body,
      'persuasion.photo_too_large',
      { kb: 150 },
      'A photo may be at most 150 KB; shrink it and send it again',
    );
    const byResident = await as(resident).post(`/api/persuasions/${other.id}/photos`, {
      photo: dataUrl(phonePhoto()),
    });
    expect(byResident.status).toBe(403);
    expect((await as(warden).get(`/api/persuasions/${other.id}`)).body.photoIds).toEqual([]);
  });

  it('persuasion without a violation does not climb the ladder', async () => {
    const alone = await as(warden).post('/api/persuasions', {
      plate,
      place: '下岗胡同19号门口',
      note: '车主说马上走。',
      outcome: 'promised',
    });
    expect(alone.status).toBe(201);
    expect(alone.body).toMatchObject({
      kind: 'persuasion',
      violationId: null,
      outcome: 'promised',
    });
    const counted = await t.sql<{ count: string }>(
      `SELECT count(*) FROM violation WHERE plate = $1`,
      [plate],
    );
    expect(counted[0]?.count).toBe('1');
    // The ladder counts what the convention counts, violations: the next one is the second step.
    const next = await as(warden).post('/api/violations', {
      kind: 'blocking_passage',
      plate,
      place: '下岗胡同东口消防通道',
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ step: 2 });
    expect(next.body.persuasionId ?? null).toBeNull();
    const refused = await as(resident).post('/api/persuasions', {
      plate,
      place: '东口',
      outcome: 'moved',
    });
    expect(refused.status).toBe(403);
    const bad = await as(warden).post('/api/persuasions', {
      plate,
      place: '东口',
      outcome: 'fled',
    });
    expect(bad.status).toBe(400);
  });

  it('guidance to a free space is one tap, and the board counts the month by outcome', async () => {
    const guided = await as(warden).post('/api/persuasions/guidance', {});
    expect(guided.status).toBe(201);
    expect(guided.body).toMatchObject({ kind: 'guidance', outcome: 'guided', plate: null });
    await as(warden).post('/api/persuasions/guidance', { place: '引导至XG-12' });

    const board = await t.http().get(`/api/public/associations/${associationId}/board`);
    expect(board.status).toBe(200);
    const month = board.body.persuasionStats[0].month as string;
    const counts = Object.fromEntries(
      (board.body.persuasionStats as { month: string; outcome: string; count: number }[])
        .filter((s) => s.month === month)
        .map((s) => [s.outcome, s.count]),
    );
    expect(counts.guided).toBeGreaterThanOrEqual(2);
    expect(counts.moved).toBeGreaterThanOrEqual(1);
    expect(counts.promised).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(board.body.persuasionStats)).not.toContain(plate);
  });
});
