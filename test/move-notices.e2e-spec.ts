import { io, type Socket } from 'socket.io-client';
import { Clock } from '../src/common/clock';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const HOUR_MS = 3_600_000;

/**
 * A visitor's car nobody registered blocks the gate of 下岗胡同19号. The warden asks it to move:
 * the association does not know the plate, so a windscreen notice (挪车提示) is printed with a QR.
 * The driver opens the notice's public page, answers "on my way", and the warden hears it live.
 * Neither learns who the other is; a day later the notice takes no more answers.
 */
describe('any car can be asked to move: the windscreen notice', () => {
  let t: TestApp;
  let warden: string;
  let elapsed = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    warden = await t.login(DEMO.wardens[0]);
  }, 120_000);
  afterAll(() => t.close());

  const askToMove = (plate: string, note = '挡住了19号院门口，请尽快挪车') =>
    t
      .http()
      .post('/api/move-requests')
      .set('authorization', `Bearer ${warden}`)
      .send({ plate, note });
  const tokenOf = (url: string) => url.split('/notice/')[1]!;

  it('answers 201 with a printable notice for a plate the association does not know', async () => {
    const asked = await askToMove('京N·7Q2X9');
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      plate: '京N·***X9',
      askedByMe: true,
      answer: null,
      byNotice: true,
      notice: {
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/app\/#\/notice\/[\w-]{24}$/),
        qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
        expiresAt: expect.any(String),
      },
    });
    const svg = Buffer.from(asked.body.notice.qr.split(',')[1], 'base64').toString();
    expect(svg).toContain('<svg');
    // Only the token's hash is kept: the database cannot print the notice again.
    const [row] = await t.sql<{ notice_token_hash: string }>(
      `SELECT notice_token_hash FROM move_request WHERE id = $1`,
      [asked.body.id],
    );
    expect(row!.notice_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.notice_token_hash).not.toContain(tokenOf(asked.body.notice.url));
    // The list of my requests shows it, without the notice's link.
    const mine = await t.http().get('/api/move-requests').set('authorization', `Bearer ${warden}`);
    expect(mine.body[0]).toMatchObject({ id: asked.body.id, byNotice: true });
    expect(mine.body[0].notice).toBeUndefined();
  });

  it('a known plate keeps the relay to its holder', async () => {
    const relayed = await askToMove('京B·67M21');
    expect(relayed.status).toBe(201);
    expect(relayed.body).toMatchObject({ byNotice: false, plate: '京B·***21' });
    expect(relayed.body.notice).toBeUndefined();
  });

  it('refuses a notice for what is not a plate', async () => {
    const bad = await askToMove('ABCDEFG');
    expect(bad.status).toBe(400);
    expectRefusal(
      bad.body,
      'move_notice.plate_invalid',
      { plate: 'ABCDEFG' },
      '车牌“ABCDEFG”格式不对，无法留下挪车提示',
    );
  });

  it('the driver reads and answers the public page; the warden hears it live', async () => {
    const asked = await askToMove('津C·88K21');
    const token = tokenOf(asked.body.notice.url);
    const page = await t.http().get(`/api/move-notices/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      associationName: expect.any(String),
      plate: '津C·***21',
      note: '挡住了19号院门口，请尽快挪车',
      askedAt: asked.body.askedAt,
      expiresAt: asked.body.notice.expiresAt,
      answer: null,
      answeredAt: null,
    });
    expect(JSON.stringify(page.body)).not.toMatch(/138\d{8}|member|warden/i);

    const phone: Socket = io(`${t.url}/live`, {
      auth: { token: warden },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      const heard = new Promise<Record<string, unknown>>((resolve) =>
        phone.on('move.answered', resolve),
      );
      await new Promise<void>((resolve, reject) => {
        phone.once('connect', () => resolve());
        phone.once('connect_error', reject);
      });
      const answered = await t
        .http()
        .post(`/api/move-notices/${token}/answer`)
        .send({ answer: 'coming' });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ answer: 'coming', answeredAt: expect.any(String) });
      expect(await heard).toMatchObject({
        id: asked.body.id,
        answer: 'coming',
        byNotice: true,
        askedByMe: true,
      });
    } finally {
      phone.close();
    }
    const twice = await t
      .http()
      .post(`/api/move-notices/${token}/answer`)
      .send({ answer: 'cannot' });
    expect(twice.status).toBe(409);
    expect(twice.body.reason).toBe('move_request.already_answered');
    expect((await t.http().get(`/api/move-notices/${token}`)).body.answer).toBe('coming');
  });

  it('refuses made-up tokens, bad answers and answers after a day', async () => {
    const asked = await askToMove('冀F·12345');
    const token = tokenOf(asked.body.notice.url);
    expect((await t.http().get(`/api/move-notices/${'x'.repeat(24)}`)).status).toBe(404);
    expect((await t.http().get(`/api/move-notices/not-a-token`)).status).toBe(404);
    const bad = await t.http().post(`/api/move-notices/${token}/answer`).send({ answer: 'never' });
    expect(bad.status).toBe(400);
    elapsed = 25 * HOUR_MS;
    const late = await t
      .http()
      .post(`/api/move-notices/${token}/answer`)
      .set('accept-language', 'en')
      .send({ answer: 'coming' });
    expect(late.status).toBe(410);
    expectRefusal(late.body, 'move_notice.expired', {}, 'This move notice has expired');
    elapsed = 0;
  });
});
