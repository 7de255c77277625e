import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Every question gets a written answer: a resident comments on a draft amendment, the council
 * answers in writing, and every member reads the answer with the comment.
 */
describe('every question gets a written answer', () => {
  let t: TestApp;
  let admin: string;
  let resident: string;
  let warden: string;
  let versionId: string;
  let commentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);
    warden = await t.login(DEMO.wardens[0]);
    const draft = await as(admin).post('/api/conventions/versions', {
      title: '访客证增至每月六次',
      parameters: { visitorPassesPerMonth: 6 },
      commentDays: 7,
      votingDays: 7,
      noticeDays: 7,
    });
    versionId = draft.body.id;
    await as(admin).post(`/api/conventions/versions/${versionId}/open-comments`);
    const comment = await as(resident).post(`/api/conventions/versions/${versionId}/comments`, {
      text: '六次够用吗？周末来访的亲戚多。',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.reply).toBeNull();
    commentId = comment.body.id;
  }, 120_000);
  afterAll(() => t.close());

  function as(token: string, lang = 'zh-CN') {
    return {
      get: (path: string) =>
        t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang),
      post: (path: string, body: object = {}) =>
        t
          .http()
          .post(path)
          .set('authorization', `Bearer ${token}`)
          .set('accept-language', lang)
          .send(body),
    };
  }
  const replyPath = () => `/api/conventions/versions/${versionId}/comments/${commentId}/reply`;

  it('only the council answers', async () => {
    const byResident = await as(resident).post(replyPath(), { text: '我来回答' });
    expect(byResident.status).toBe(403);
    const byWarden = await as(warden).post(replyPath(), { text: '我来回答' });
    expect(byWarden.status).toBe(403);
    const empty = await as(admin).post(replyPath(), { text: '' });
    expect(empty.status).toBe(400);
  });

  it('the council answers in writing, once; every member reads it with the comment', async () => {
    const answered = await as(admin).post(replyPath(), {
      text: '感谢建议。理事会将在表决前统计周末来访情况。',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      id: commentId,
      text: '六次够用吗？周末来访的亲戚多。',
      reply: {
        text: '感谢建议。理事会将在表决前统计周末来访情况。',
        author: expect.any(String),
        repliedAt: expect.any(String),
      },
    });
    for (const reader of [resident, warden, await t.login(DEMO.otherResident)]) {
      const comments = await as(reader).get(`/api/conventions/versions/${versionId}/comments`);
      expect(comments.body).toEqual([
        expect.objectContaining({
          id: commentId,
          reply: expect.objectContaining({ text: '感谢建议。理事会将在表决前统计周末来访情况。' }),
        }),
      ]);
    }
    const again = await as(admin, 'en').post(replyPath(), { text: '改一下' });
    expect(again.status).toBe(409);
    expectRefusal(
      again.body,
      'comment.already_answered',
      {},
      'This comment has already been answered',
    );
  });

  it('a comment of another version, or none, is not found', async () => {
    const current = await as(admin).get('/api/conventions/current');
    const elsewhere = await as(admin).post(
      `/api/conventions/versions/${current.body.id}/comments/${commentId}/reply`,
      { text: '答复' },
    );
    expect(elsewhere.status).toBe(404);
    const none = await as(admin).post(
      `/api/conventions/versions/${versionId}/comments/00000000-0000-4000-8000-000000000001/reply`,
      { text: '答复' },
    );
    expect(none.status).toBe(404);
  });

  it('an objector keeps the written answer after the objection is upheld and the space withdrawn', async () => {
    const neighbour = await t.login(DEMO.otherResident);
    const [household] = await t.sql<{ household_id: string }>(
      `SELECT household_id FROM member WHERE phone = $1`,
      [DEMO.otherResident],
    );
    // A space newly painted under the neighbour's window, its objection window open.
    const [space] = await t.sql<{ id: string }>(
      `SELECT s.id FROM space s WHERE s.availability = 'open' AND NOT EXISTS
         (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
          AND s.association_id = (SELECT association_id FROM member WHERE phone = $1)
        ORDER BY s.code DESC LIMIT 1`,
      [DEMO.otherResident],
    );
    await t.sql(
      `UPDATE space SET consent = 'pending', objection_until = now() + interval '7 days' WHERE id = $1`,
      [space!.id],
    );
    await t.sql(
      `INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [space!.id, household!.household_id],
    );
    const objection = await as(neighbour).post(`/api/spaces/${space!.id}/objections`, {
      reason: '正对我家窗户，夜里车灯照进屋。',
    });
    expect(objection.status).toBe(201);
    const upheld = await as(admin).post(
      `/api/spaces/${space!.id}/objections/${objection.body.id}/decision`,
      { decision: 'upheld', reason: '异议成立，此车位取消，线条将于本周清除。' },
    );
    expect(upheld.status).toBe(200);
    const [{ consent }] = (await t.sql<{ consent: string }>(
      `SELECT consent FROM space WHERE id = $1`,
      [space!.id],
    )) as [{ consent: string }];
    expect(consent).toBe('rejected');

    const theirs = await as(neighbour).get(`/api/spaces/${space!.id}/objections`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual([
      expect.objectContaining({
        decision: 'upheld',
        decisionReason: '异议成立，此车位取消，线条将于本周清除。',
      }),
    ]);
    // And in the household's own list, named by the withdrawn space's code.
    const mine = await as(neighbour).get('/api/objections/mine');
    expect(mine.body).toContainEqual(
      expect.objectContaining({
        spaceId: space!.id,
        spaceCode: expect.any(String),
        decision: 'upheld',
        decisionReason: '异议成立，此车位取消，线条将于本周清除。',
      }),
    );
    expect((await as(admin).get(`/api/spaces/${space!.id}/objections`)).status).toBe(200);
    // Others never objected: the withdrawn space is gone for them.
    expect((await as(resident).get(`/api/spaces/${space!.id}/objections`)).status).toBe(404);
  });
});
