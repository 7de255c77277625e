import { io, type Socket } from 'socket.io-client';
import { Clock } from '../src/common/clock';
import type {
  ConventionResultPayload,
  ConventionVotingPayload,
} from '../src/shared/live/conventions';
import { residentTokens } from './support/conventions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const START = new Date('2026-04-06T02:00:00Z');
const VERSIONS = '/api/conventions/versions';

/** Article 10 of version 1: half of the households vote, two thirds agree, seven days each. */
const ARTICLE_10_RULES = {
  votingUnit: 'household',
  quorum: { numerator: 1, denominator: 2 },
  threshold: { numerator: 2, denominator: 3 },
  abstentionsCountAsCast: true,
  commentDays: 7,
  votingDays: 7,
  noticeDays: 7,
};

/**
 * The convention binds its own amendment (issue 10). A council that drafts an amendment with a
 * tenth of the members voting, a third agreeing and one day of 公示 may propose those rules, but
 * the draft itself is voted on as article 10 of the version in force says; asking for a looser
 * vote for itself is refused, citing article 10. Rules an amendment proposes bind the next one,
 * once it is in force. Every member's phone hears the vote open and its result.
 */
describe('the convention binds its own amendment', () => {
  let t: TestApp;
  let admin: string;
  let households: string[];
  let elapsed = 0;
  const advance = (days: number) => (elapsed += days * DAY_MS + 60_000);
  let phone: Socket;
  const voting: ConventionVotingPayload[] = [];
  const results: ConventionResultPayload[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(START.getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    households = await residentTokens(t);
    phone = io(`${t.url}/live`, { auth: { token: households[5] }, transports: ['websocket'] });
    phone.on('convention.voting', (p: ConventionVotingPayload) => voting.push(p));
    phone.on('convention.result', (p: ConventionResultPayload) => results.push(p));
    await new Promise<void>((resolve, reject) => {
      phone.once('connect', () => resolve());
      phone.once('connect_error', reject);
    });
  }, 180_000);
  afterAll(async () => {
    phone?.disconnect();
    await t.close();
  });

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
  const heard = async <T>(list: T[], count: number, what: string): Promise<T> => {
    const deadline = Date.now() + 5000;
    while (list.length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return list[count - 1]!;
  };
  const vote = (n: number, id: string, choice: 'yes' | 'no' | 'abstain') =>
    as(households[n]!).post(`${VERSIONS}/${id}/votes`, { choice });

  it('a draft proposing weak rules is taken as a proposal; its own vote follows article 10', async () => {
    // The draft of issue 10: a tenth voting, a third agreeing, one vote per member, one day each.
    const drafted = await as(admin).post(VERSIONS, {
      title: '简化修订程序',
      votingUnit: 'member',
      quorum: { numerator: 1, denominator: 10 },
      threshold: { numerator: 1, denominator: 3 },
      commentDays: 1,
      votingDays: 1,
      noticeDays: 1,
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      number: 2,
      votingUnit: 'member',
      quorum: { numerator: 1, denominator: 10 },
      threshold: { numerator: 1, denominator: 3 },
      noticeDays: 1,
      adoptionArticle: 10,
      ballot: ARTICLE_10_RULES,
    });
    const id = drafted.body.id as string;

    expect((await as(admin).post(`${VERSIONS}/${id}/open-comments`)).status).toBe(200);
    // One version at a time goes to the households.
    const rival = await as(admin).post(VERSIONS, { title: '另一草案' });
    const clash = await as(admin).post(`${VERSIONS}/${rival.body.id}/open-comments`);
    expect(clash.body).toMatchObject({
      statusCode: 409,
      reason: 'version.another_open',
      message: '另一版本正在征求意见或表决，请待其结束',
    });
    advance(1);
    const early = await as(admin).post(`${VERSIONS}/${id}/open-vote`);
    expect(early.body).toMatchObject({
      statusCode: 409,
      reason: 'vote.comments_running',
      params: { number: 2, until: '2026-04-13 10:00' },
    });
    advance(6);
    expect((await as(admin).post(`${VERSIONS}/${id}/open-vote`)).status).toBe(200);
    const opened = await heard(voting, 1, 'the vote opening');
    expect(opened).toEqual({
      versionId: id,
      number: 2,
      votingCloseAt: new Date(START.getTime() + 14 * DAY_MS + 120_000).toISOString(),
    });

    // One vote per household, as article 10 says, though the draft proposes one per member.
    expect((await as(admin).post(`${VERSIONS}/${id}/votes`, { choice: 'yes' })).status).toBe(201);
    const second = await vote(0, id, 'yes');
    expect(second.body).toMatchObject({ statusCode: 409, reason: 'vote.household_voted' });
    // Five households of 36 agree: enough for the draft's own tenth, not for article 10's half.
    for (const n of [1, 2, 3, 4]) expect((await vote(n, id, 'yes')).status).toBe(201);
    const early2 = await as(admin).post(`${VERSIONS}/${id}/close-vote`);
    expect(early2.body).toMatchObject({ reason: 'vote.still_running', params: { missing: 31 } });
    advance(7);
    const closed = await as(admin).post(`${VERSIONS}/${id}/close-vote`);
    expect(closed.body).toMatchObject({
      eligible: 36,
      yes: 5,
      turnout: 5,
      quorumMet: false,
      thresholdMet: true,
      outcome: 'rejected',
    });
    const result = await heard(results, 1, 'the result');
    expect(result).toMatchObject({ versionId: id, number: 2, yes: 5, outcome: 'rejected' });
    // 公示 lasts article 10's seven days, not the draft's one.
    expect(Date.parse(result.noticeUntil) - Date.parse(result.resultAt)).toBe(7 * DAY_MS);
    expect(result.effectiveFrom).toBeNull();
    expect((await as(households[9]!).get('/api/conventions/current')).body.number).toBe(1);
  });

  it('a draft asking a looser vote for itself is refused, citing article 10', async () => {
    const looser = {
      title: '一日公示',
      ballot: { votingUnit: 'member', quorum: { numerator: 1, denominator: 10 }, noticeDays: 1 },
    };
    const fields = 'ballot.votingUnit, ballot.quorum, ballot.noticeDays';
    const refused = await as(admin).post(VERSIONS, looser);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'conflict',
      reason: 'ballot.weaker_than_article',
      params: { article: 10, fields },
      message: `本草案自身的表决须依照公约第十条，不得放宽：${fields}`,
      details: [
        { field: 'ballot.votingUnit', rules: ['ballot.household_vote'], problems: ['须每户一票'] },
        { field: 'ballot.quorum', rules: ['ballot.share_at_least'], problems: ['不得低于 1/2'] },
        {
          field: 'ballot.noticeDays',
          rules: ['ballot.days_at_least'],
          problems: ['不得少于 7 天'],
        },
      ],
    });
    const english = await as(admin, 'en').post(VERSIONS, looser);
    expect(english.body.message).toBe(
      `The vote on this draft follows Article 10 of the convention and cannot be made weaker: ${fields}`,
    );
    expect(english.body.details.map((d: { problems: string[] }) => d.problems)).toEqual([
      ['must be one vote per household'],
      ['must be at least 1/2'],
      ['must be at least 7 days'],
    ]);
    expect(await t.sql(`SELECT 1 FROM convention_version WHERE title = '一日公示'`)).toEqual([]);

    // Stricter is welcome: a longer comment period and three quarters for this draft.
    const strict = await as(admin).post(VERSIONS, {
      title: '长征求意见',
      ballot: { threshold: { numerator: 3, denominator: 4 }, commentDays: 14 },
    });
    expect(strict.status).toBe(201);
    expect(strict.body.ballot).toEqual({
      ...ARTICLE_10_RULES,
      threshold: { numerator: 3, denominator: 4 },
      commentDays: 14,
    });
    const loosened = await as(admin).patch(`${VERSIONS}/${strict.body.id}`, {
      ballot: { commentDays: 3 },
    });
    expect(loosened.body).toMatchObject({
      statusCode: 409,
      reason: 'ballot.weaker_than_article',
      params: { article: 10, fields: 'ballot.commentDays' },
    });
  });

  it('the rules an amendment proposes govern the next amendment once it is in force', async () => {
    const current = await as(admin).get('/api/conventions/current');
    const articles = (
      current.body.articles as { number: number; text: string; parameters: string[] }[]
    ).map(({ number, text, parameters }) =>
      number === 10
        ? {
            number,
            parameters,
            text: '住户对处理有异议的，可向理事会申诉，理事会书面答复。本公约的修订须半数以上住户参加表决、四分之三以上同意，征求意见和表决各二日，公示三日后生效。',
          }
        : { number, text, parameters },
    );
    const drafted = await as(admin).post(VERSIONS, {
      title: '修订程序：四分之三同意',
      articles,
      threshold: { numerator: 3, denominator: 4 },
      commentDays: 2,
      votingDays: 2,
      noticeDays: 3,
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ adoptionArticle: 10, ballot: ARTICLE_10_RULES });
    const id = drafted.body.id as string;
    await as(admin).post(`${VERSIONS}/${id}/open-comments`);
    advance(7);
    expect((await as(admin).post(`${VERSIONS}/${id}/open-vote`)).status).toBe(200);
    for (let n = 0; n < 30; n++) expect((await vote(n, id, 'yes')).status).toBe(201);
    advance(7);
    expect((await as(admin).post(`${VERSIONS}/${id}/close-vote`)).body.outcome).toBe('adopted');
    advance(7);
    const inForce = await as(households[9]!).get('/api/conventions/current');
    expect(inForce.body).toMatchObject({ id, threshold: { numerator: 3, denominator: 4 } });

    // The next amendment is voted on under the new article 10: two days each, three quarters.
    const next = await as(admin).post(VERSIONS, {
      title: '访客证每月五次',
      parameters: { visitorPassesPerMonth: 5 },
    });
    expect(next.body.ballot).toEqual({
      ...ARTICLE_10_RULES,
      threshold: { numerator: 3, denominator: 4 },
      commentDays: 2,
      votingDays: 2,
      noticeDays: 3,
    });
    const nextId = next.body.id as string;
    await as(admin).post(`${VERSIONS}/${nextId}/open-comments`);
    advance(2);
    expect((await as(admin).post(`${VERSIONS}/${nextId}/open-vote`)).status).toBe(200);
    // 24 of 34 agree: two thirds would have been enough under version 1, not three quarters.
    for (let n = 0; n < 34; n++) {
      expect((await vote(n, nextId, n < 24 ? 'yes' : 'no')).status).toBe(201);
    }
    advance(2);
    const closed = await as(admin).post(`${VERSIONS}/${nextId}/close-vote`);
    expect(closed.body).toMatchObject({
      yes: 24,
      no: 10,
      quorumMet: true,
      thresholdMet: false,
      outcome: 'rejected',
    });
    const result = await heard(results, 3, 'the third result');
    expect(Date.parse(result.noticeUntil) - Date.parse(result.resultAt)).toBe(3 * DAY_MS);
  });
});
