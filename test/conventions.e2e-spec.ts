import { Clock } from '../src/common/clock';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { residentTokens } from './support/conventions';

const DAY_MS = 86_400_000;
// The story happens within one month (about four weeks: each vote under version 1's rules takes
// three weeks of comments, voting and 公示), so the monthly visitor quota never resets in it.
const START = new Date('2026-03-02T02:00:00Z');
const VISITOR_PASSES = '/api/visitor-passes';

/**
 * 下岗胡同 amends its convention twice: the council drafts, members comment, every household
 * votes in secret, the result is counted and posted (公示), and the new rules are what the
 * system then enforces: a visitor pass over the monthly quota is refused citing 第四条 until an
 * amendment raising the quota is adopted.
 */
describe('the parking convention: drafted, voted, adopted, enforced', () => {
  let t: TestApp;
  let admin: string;
  let households: string[];
  let elapsed = 0;
  const advance = (days: number) => (elapsed += days * DAY_MS + 60_000);

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(START.getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    households = await residentTokens(t);
  }, 180_000);
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
    patch: (path: string, body: object) =>
      t
        .http()
        .patch(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });

  /** Draft → comments → vote by every household (as told) → counted → past the notice. */
  async function adopt(
    draft: object,
    choices: (n: number) => 'yes' | 'no' | 'abstain' | null,
  ): Promise<string> {
    const drafted = await as(admin).post('/api/conventions/versions', draft);
    expect(drafted.status).toBe(201);
    const id = drafted.body.id as string;
    expect((await as(admin).post(`/api/conventions/versions/${id}/open-comments`)).status).toBe(
      200,
    );
    advance(1);
    expect((await as(admin).post(`/api/conventions/versions/${id}/open-vote`)).status).toBe(200);
    for (const [n, token] of households.entries()) {
      const choice = choices(n);
      if (choice) {
        const vote = await as(token).post(`/api/conventions/versions/${id}/votes`, { choice });
        expect(vote.status).toBe(201);
      }
    }
    advance(1);
    const result = await as(admin).post(`/api/conventions/versions/${id}/close-vote`);
    expect(result.body.outcome).toBe('adopted');
    advance(1);
    return id;
  }

  it('version 1 is in force, with its articles and the households’ vote record', async () => {
    const current = await as(households[5]!).get('/api/conventions/current');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ number: 1, status: 'adopted', inForce: true });
    expect(current.body.articles).toHaveLength(10);
    expect(current.body.articles[3]).toMatchObject({
      label: '第四条',
      parameters: ['visitorPassesPerMonth', 'visitorPassMaxHours'],
    });
    expect(current.body.result).toMatchObject({ eligible: 36, yes: 34, outcome: 'adopted' });
    expect(current.body.receipts).toHaveLength(34);
    expect(current.body.parameters.visitorPassesPerMonth).toBe(4);
  });

  let v2: string;
  /** What household 1 voted: whichever of its members' three simultaneous ballots got in. */
  let household1Choice: 'yes' | 'no' | 'abstain';

  it('the council drafts version 2; a malformed draft is refused with the reason', async () => {
    const badLadder = {
      title: '坏草案',
      parameters: { penaltyLadder: [{ step: 1, withinDays: 90, action: 'suspension' }] },
    };
    const bad = await as(admin).post('/api/conventions/versions', badLadder);
    expect(bad.status).toBe(400);
    const fields = 'penaltyLadder[0].suspensionDays, penaltyLadder[0].action';
    expect(bad.body).toEqual({
      statusCode: 400,
      error: 'validation',
      reason: 'convention.draft_invalid',
      params: { fields },
      message: `公约草案有误：${fields}`,
      details: [
        {
          field: 'penaltyLadder[0].suspensionDays',
          rules: ['draft.integer_range'],
          problems: ['应为 1–365 的整数'],
        },
        {
          field: 'penaltyLadder[0].action',
          rules: ['draft.persuasion_first'],
          problems: ['第一次违约应为劝导'],
        },
      ],
    });
    const badEn = await as(admin, 'en').post('/api/conventions/versions', badLadder);
    expect(badEn.body.message).toBe(`The draft is not well-formed: ${fields}`);
    expect(badEn.body.details.map((d: { problems: string[] }) => d.problems)).toEqual([
      ['must be a whole number from 1 to 365'],
      ['the first step must be persuasion'],
    ]);
    const badWindow = await as(admin).post('/api/conventions/versions', {
      title: '坏草案',
      parameters: { noParkingWindows: [{ from: '25:00', to: '06:00', reason: '夜间' }] },
    });
    expect(badWindow.status).toBe(400);
    const notCouncil = await as(households[3]!).post('/api/conventions/versions', { title: 'x' });
    expect(notCouncil.status).toBe(403);

    const draft = await as(admin).post('/api/conventions/versions', {
      title: '下岗胡同停车管理自治公约（2026年修订）',
      parameters: { visitorPassesPerMonth: 2 },
      commentDays: 1,
      votingDays: 1,
      noticeDays: 1,
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 2, status: 'draft', votingUnit: 'household' });
    v2 = draft.body.id;
    // The amendment carries version 1's text; the council rewrites article 4 to match.
    const articles = (
      draft.body.articles as { number: number; text: string; parameters: string[] }[]
    ).map((a) =>
      a.number === 4
        ? { ...a, text: '每户每月可申领访客临时停车证两次，每次不超过二十四小时。' }
        : a,
    );
    const edited = await as(admin).patch(`/api/conventions/versions/${v2}`, {
      articles: articles.map(({ number, text, parameters }) => ({ number, text, parameters })),
    });
    expect(edited.status).toBe(200);
    // Residents do not see a draft before it is opened for comments.
    expect((await as(households[3]!).get(`/api/conventions/versions/${v2}`)).status).toBe(404);
  });

  it('members comment during the comment period, and the vote waits for its end', async () => {
    expect((await as(admin).post(`/api/conventions/versions/${v2}/open-comments`)).status).toBe(
      200,
    );
    const comment = await as(households[7]!).post(`/api/conventions/versions/${v2}/comments`, {
      articleNumber: 4,
      text: '两次太少了，周末孩子回来看老人就不够用。',
    });
    expect(comment.status).toBe(201);
    const noSuchArticle = await as(households[7]!).post(
      `/api/conventions/versions/${v2}/comments`,
      {
        articleNumber: 42,
        text: '？',
      },
    );
    expect(noSuchArticle.status).toBe(400);
    expect(noSuchArticle.body).toMatchObject({
      reason: 'comment.no_such_article',
      params: { number: 42 },
      message: '草案没有第 42 条',
    });
    const comments = await as(admin).get(`/api/conventions/versions/${v2}/comments`);
    expect(comments.body).toEqual([expect.objectContaining({ articleNumber: 4 })]);

    // Version 1's seven days of comments (article 10) bind, not the one day version 2 proposes.
    const early = await as(admin).post(`/api/conventions/versions/${v2}/open-vote`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      reason: 'vote.comments_running',
      params: { number: 2, until: '2026-03-09 10:00' },
      message: '第2版征求意见期至 2026-03-09 10:00 结束，之后才能表决',
    });
    const earlyEn = await as(admin, 'en').post(`/api/conventions/versions/${v2}/open-vote`);
    expect(earlyEn.body.message).toBe(
      'Comments on version 2 run until 2026-03-09 10:00; the vote opens after that',
    );
    advance(1);
    expect((await as(admin).post(`/api/conventions/versions/${v2}/open-vote`)).body.reason).toBe(
      'vote.comments_running',
    );
    advance(6);
    const late = await as(households[7]!).post(`/api/conventions/versions/${v2}/comments`, {
      text: '晚了',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      reason: 'comment.period_closed',
      params: { number: 2 },
      message: '第2版不在征求意见期',
    });
    const opened = await as(admin).post(`/api/conventions/versions/${v2}/open-vote`);
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('voting');
  });

  it('a household votes once, even when two of its members press at the same moment', async () => {
    // The council member 赵淑芬 lives in household 1 with resident 13800000010.
    const attempts = await Promise.all([
      as(admin).post(`/api/conventions/versions/${v2}/votes`, { choice: 'yes' }),
      as(households[0]!).post(`/api/conventions/versions/${v2}/votes`, { choice: 'no' }),
      as(households[0]!).post(`/api/conventions/versions/${v2}/votes`, { choice: 'abstain' }),
    ]);
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    household1Choice = attempts.find((r) => r.status === 201)!.body.choice;
    const refused = attempts.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({
      reason: 'vote.household_voted',
      message: '本户已投票，每户一票',
    });
    const again = await as(households[0]!, 'en').post(`/api/conventions/versions/${v2}/votes`, {
      choice: 'no',
    });
    expect(again.body).toMatchObject({
      statusCode: 409,
      reason: 'vote.household_voted',
      message: 'Your household has already voted: one vote per household',
    });
    const [{ count }] = (await t.sql<{ count: string }>(
      `SELECT count(*) FROM convention_vote WHERE version_id = $1`,
      [v2],
    )) as [{ count: string }];
    expect(Number(count)).toBe(1);
  });

  it('the other households vote (car-free ones too); a warden, with no household, may not', async () => {
    // With household 1: 23 or 24 yes, 6 or 7 no, 3 or 4 abstain, 2 stay away: 33 of 36 voted,
    // and at least 23 / 33 ≥ 2/3.
    for (let n = 1; n < 36; n++) {
      const choice = n <= 23 ? 'yes' : n <= 29 ? 'no' : n <= 32 ? 'abstain' : null;
      if (!choice) continue;
      const vote = await as(households[n]!).post(`/api/conventions/versions/${v2}/votes`, {
        choice,
      });
      expect(vote.status).toBe(201);
      expect(vote.body.receipt).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    }
    const warden = await t.login(DEMO.wardens[0]);
    expect(
      (await as(warden).post(`/api/conventions/versions/${v2}/votes`, { choice: 'yes' })).status,
    ).toBe(403);
    const bad = await as(households[34]!).post(`/api/conventions/versions/${v2}/votes`, {
      choice: 'maybe',
    });
    expect(bad.status).toBe(400);
  });

  it('the vote cannot be closed early; once counted, each household finds its receipt', async () => {
    const early = await as(admin).post(`/api/conventions/versions/${v2}/close-vote`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      reason: 'vote.still_running',
      params: { number: 2, until: '2026-03-16 10:02', missing: 3 },
      message: '第2版表决期至 2026-03-16 10:02，尚有3票未投',
    });
    advance(1);
    expect((await as(admin).post(`/api/conventions/versions/${v2}/close-vote`)).status).toBe(409);
    advance(6);
    const closed = await as(admin).post(`/api/conventions/versions/${v2}/close-vote`);
    expect(closed.status).toBe(200);
    const one = (choice: string) => (household1Choice === choice ? 1 : 0);
    expect(closed.body).toMatchObject({
      eligible: 36,
      yes: 23 + one('yes'),
      no: 6 + one('no'),
      abstain: 3 + one('abstain'),
      turnout: 33,
      quorumMet: true,
      thresholdMet: true,
      outcome: 'adopted',
    });
    const mine = await as(households[10]!).get(`/api/conventions/versions/${v2}/my-vote`);
    expect(mine.body).toMatchObject({ voted: true, choice: 'yes', counted: true });
    const version = await as(households[10]!).get(`/api/conventions/versions/${v2}`);
    expect(version.body.receipts).toHaveLength(33);
    expect(version.body.receipts).toContain(mine.body.receipt);
    // Secret: what others can read never says who voted how.
    expect(JSON.stringify(version.body)).not.toMatch(/"choice"/);
  });

  it('during the notice period (公示) version 1 still applies; afterwards version 2 does', async () => {
    const during = await as(households[2]!).get('/api/conventions/current');
    expect(during.body.number).toBe(1);
    const list = await as(households[2]!).get('/api/conventions/versions');
    expect(list.body[0]).toMatchObject({ number: 2, status: 'adopted', inForce: false });
    advance(1);
    expect((await as(households[2]!).get('/api/conventions/current')).body.number).toBe(1);
    advance(6);
    const after = await as(households[2]!).get('/api/conventions/current');
    expect(after.body).toMatchObject({ number: 2, inForce: true });
    expect(after.body.parameters.visitorPassesPerMonth).toBe(2);
  });

  it('a third visitor pass this month is refused, citing 第四条', async () => {
    const guest = as(households[2]!);
    for (const plate of ['京N6B217', '京N6B218']) {
      expect((await guest.post(VISITOR_PASSES, { plate, hours: 6 })).status).toBe(201);
    }
    const refused = await guest.post(VISITOR_PASSES, { plate: '京N6B219', hours: 6 });
    expect(refused.status).toBe(409);
    // Version 2's quota (two a month) and its article, in each language.
    expect(refused.body).toMatchObject({
      reason: 'visitor_pass.quota_used',
      params: { quota: 2, article: 4 },
      message: '依照公约第四条，每户每月可申领访客通行证 2 张，本户本月已用完',
    });
    const inEnglish = await guest
      .post(VISITOR_PASSES, { plate: '京N6B219', hours: 6 })
      .set('accept-language', 'en');
    expect(inEnglish.body.message).toBe(
      'Under Article 4 of the convention, a household has 2 visitor passes a month; this household has used them all',
    );
  });

  it('an amendment raising the quota is adopted, and the same pass is then granted', async () => {
    const v3 = await adopt(
      {
        title: '访客证修订',
        parameters: { visitorPassesPerMonth: 6 },
        commentDays: 1,
        votingDays: 1,
        noticeDays: 1,
      },
      (n) => (n < 30 ? 'yes' : null),
    );
    const current = await as(households[2]!).get('/api/conventions/current');
    expect(current.body).toMatchObject({ id: v3, number: 3 });
    const granted = await as(households[2]!).post(VISITOR_PASSES, { plate: '京N6B219', hours: 6 });
    expect(granted.status).toBe(201);

    const diff = await as(households[2]!).get(`/api/conventions/versions/${v2}/diff/${v3}`);
    expect(diff.body.parameters).toEqual([{ name: 'visitorPassesPerMonth', from: 2, to: 6 }]);
  });

  it('members sign the version in force; the council sees who has not', async () => {
    expect((await as(households[4]!).post('/api/conventions/current/acknowledge')).status).toBe(
      200,
    );
    expect((await as(households[4]!).post('/api/conventions/current/acknowledge')).status).toBe(
      200,
    );
    const status = await as(admin).get('/api/conventions/current/acknowledgements');
    expect(status.body).toMatchObject({ versionNumber: 3, acknowledged: 1 });
    expect(status.body.pending.length).toBeGreaterThan(30);
    expect((await as(households[4]!).get('/api/conventions/current/acknowledgements')).status).toBe(
      403,
    );
  });

  it('a vote that misses the quorum is rejected and changes nothing', async () => {
    const draft = await as(admin).post('/api/conventions/versions', {
      title: '取消访客证',
      parameters: { visitorPassesPerMonth: 0 },
      commentDays: 1,
      votingDays: 1,
      noticeDays: 0,
    });
    const id = draft.body.id as string;
    await as(admin).post(`/api/conventions/versions/${id}/open-comments`);
    advance(1);
    await as(admin).post(`/api/conventions/versions/${id}/open-vote`);
    for (let n = 0; n < 17; n++) {
      await as(households[n]!).post(`/api/conventions/versions/${id}/votes`, { choice: 'yes' });
    }
    advance(1);
    const closed = await as(admin).post(`/api/conventions/versions/${id}/close-vote`);
    expect(closed.body).toMatchObject({ turnout: 17, quorumMet: false, outcome: 'rejected' });
    advance(1);
    expect((await as(admin).get('/api/conventions/current')).body.number).toBe(3);
  });

  it('another association’s convention is not there for 4143, and bad ids are refused', async () => {
    const [foreign] = await t.sql<{ id: string }>(
      `INSERT INTO association (name, community, street_office)
       VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    const [version] = await t.sql<{ id: string }>(
      `INSERT INTO convention_version (association_id, number, title, status, parameters,
         quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator,
         comment_days, voting_days, notice_days, comments_open_at, comments_close_at)
       VALUES ($1, 1, '文昌社区停车公约', 'comment', '{}', 1, 2, 2, 3, 7, 7, 7, now(), now() + interval '7 days')
       RETURNING id`,
      [foreign!.id],
    );
    const path = `/api/conventions/versions/${version!.id}`;
    expect((await as(households[1]!).get(path)).status).toBe(404);
    expect((await as(admin).post(`${path}/comments`, { text: '越界' })).status).toBe(404);
    expect((await as(households[1]!).post(`${path}/votes`, { choice: 'yes' })).status).toBe(404);
    expect((await as(admin).post(`${path}/open-vote`)).status).toBe(404);
    expect((await as(admin).get('/api/conventions/versions/not-a-uuid')).status).toBe(400);
    const list = await as(admin).get(`/api/conventions/versions?associationId=${foreign!.id}`);
    expect(list.status).toBe(404);
  });
});
