import { Clock } from '../src/common/clock';
import { RetentionJob } from '../src/retention/retention.job';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const YEAR_MS = 366 * 86_400_000;

/**
 * Every decision on an objection, an appeal or a permit refusal keeps its written reasons,
 * readable by the person concerned forever after: a neighbour's objection is dismissed, a
 * household's appeal is decided, a household's application is refused; a year later, after the
 * retention pass, each still reads the council's words, and no other household does.
 */
describe('every decision keeps its written reasons', () => {
  let t: TestApp;
  let admin: string;
  let warden: string;
  let elapsed = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
  }, 120_000);
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });

  /** A resident of 4143 and a token, by household address. */
  async function residentOf(address: string) {
    const [row] = await t.sql<{ phone: string; household_id: string }>(
      `SELECT m.phone, m.household_id FROM member m
         JOIN household h ON h.id = m.household_id
         JOIN association a ON a.id = h.association_id
        WHERE a.name = '4143车友会' AND h.address = $1 AND m.role = 'resident'
        ORDER BY m.phone LIMIT 1`,
      [address],
    );
    return { ...row!, token: await t.login(row!.phone) };
  }

  const objectionReason = '经实地测量，车位离窗户三米以上，且夜间禁止开远光灯，异议不成立。';
  const appealNote = '监控显示车辆停放超过两小时，并非临时停靠，维持原记录。';
  const refusalReason = '本户已有一辆车持证，依公约第三条每户限一车。';
  let spaceId: string;
  let objector: Awaited<ReturnType<typeof residentOf>>;
  let violationId: string;
  let household: Awaited<ReturnType<typeof residentOf>>;
  let permitId: string;
  let applicant: { token: string; householdId: string };

  it('an objection dismissed: the objector reads why, the space goes live', async () => {
    objector = await residentOf('下岗胡同3号');
    const [space] = await t.sql<{ id: string }>(
      `SELECT s.id FROM space s JOIN association a ON a.id = s.association_id
        WHERE a.name = '4143车友会' AND s.availability = 'open' AND NOT EXISTS
          (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
        ORDER BY s.code LIMIT 1`,
    );
    spaceId = space!.id;
    await t.sql(
      `UPDATE space SET consent = 'pending', objection_until = now() + interval '7 days' WHERE id = $1`,
      [spaceId],
    );
    await t.sql(
      `INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [spaceId, objector.household_id],
    );
    const raised = await as(objector.token).post(`/api/spaces/${spaceId}/objections`, {
      reason: '车位正对我家窗户，夜里车灯照进屋。',
    });
    expect(raised.status).toBe(201);
    // The window has closed by the time the council answers (answering early keeps the space
    // on notice until it closes: test/space-layout.e2e-spec.ts).
    await t.sql(`UPDATE space SET objection_until = now() - interval '1 minute' WHERE id = $1`, [
      spaceId,
    ]);
    const decided = await as(admin).post(
      `/api/spaces/${spaceId}/objections/${raised.body.id}/decision`,
      { decision: 'dismissed', reason: objectionReason },
    );
    expect(decided.status).toBe(200);
    const [{ consent }] = (await t.sql<{ consent: string }>(
      `SELECT consent FROM space WHERE id = $1`,
      [spaceId],
    )) as [{ consent: string }];
    expect(consent).toBe('approved');
  });

  it('an appeal decided: the household reads the council’s reasons on the violation', async () => {
    household = await residentOf('下岗胡同10号');
    const [car] = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle WHERE household_id = $1 LIMIT 1`,
      [household.household_id],
    );
    const recorded = await as(warden).post('/api/violations', {
      kind: 'blocking_passage',
      plate: car!.plate,
      place: '下岗胡同东口消防通道',
      note: '请您挪到东口空位，这里是消防通道。',
      outcome: 'refused',
    });
    expect(recorded.status).toBe(201);
    violationId = recorded.body.id;
    const appealed = await as(household.token).post(`/api/violations/${violationId}/appeal`, {
      reason: '当时是送老人去医院，临时停靠。',
    });
    expect(appealed.status).toBe(200);
    const decided = await as(admin).post(`/api/violations/${violationId}/decision`, {
      decision: 'upheld',
      note: appealNote,
    });
    expect(decided.status).toBe(200);
  });

  it('a permit refused: the applicant reads the reasons on the permit', async () => {
    const [pending] = await t.sql<{ id: string; household_id: string; phone: string }>(
      `SELECT p.id, p.household_id, m.phone FROM permit p
         JOIN association a ON a.id = p.association_id
         JOIN member m ON m.household_id = p.household_id AND m.role = 'resident'
        WHERE a.name = '4143车友会' AND p.status = 'pending' AND p.kind = 'resident'
        ORDER BY p.number, m.phone LIMIT 1`,
    );
    permitId = pending!.id;
    applicant = { token: await t.login(pending!.phone), householdId: pending!.household_id };
    const refused = await as(admin).post(`/api/permits/${permitId}/reject`, {
      reason: refusalReason,
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'rejected', refusalReason });
  });

  it('a year later, after the retention pass, each reads the council’s words; no one else does', async () => {
    elapsed = YEAR_MS;
    await t.app.get(RetentionJob).runOnce(t.app.get(Clock).now());
    // Fresh tokens: a year is longer than any session.
    const objectorNow = await t.login(objector.phone);
    const householdNow = await t.login(household.phone);
    const [applicantRow] = await t.sql<{ phone: string }>(
      `SELECT phone FROM member WHERE household_id = $1 AND role = 'resident' ORDER BY phone LIMIT 1`,
      [applicant.householdId],
    );
    const applicantNow = await t.login(applicantRow!.phone);
    const adminNow = await t.login(DEMO.admin);

    const objections = await as(objectorNow).get(`/api/spaces/${spaceId}/objections`);
    expect(objections.status).toBe(200);
    expect(objections.body).toEqual([
      expect.objectContaining({
        decision: 'dismissed',
        decisionReason: objectionReason,
        decidedAt: expect.any(String),
      }),
    ]);

    const mine = await as(objectorNow).get('/api/objections/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        spaceId,
        spaceCode: expect.stringMatching(/^[A-Z]+-\d+$/),
        decision: 'dismissed',
        decisionReason: objectionReason,
      }),
    ]);

    const violation = await as(householdNow).get(`/api/violations/${violationId}`);
    expect(violation.status).toBe(200);
    expect(violation.body).toMatchObject({
      appealStatus: 'upheld',
      appealReason: '当时是送老人去医院，临时停靠。',
      appealNote,
    });
    const listed = await as(householdNow).get('/api/violations?pageSize=100');
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: violationId, appealNote }),
    );

    const permit = await as(applicantNow).get(`/api/permits/${permitId}`);
    expect(permit.status).toBe(200);
    expect(permit.body).toMatchObject({ status: 'rejected', refusalReason });
    const ours = await as(applicantNow).get('/api/permits?pageSize=100');
    expect(ours.body.items).toContainEqual(
      expect.objectContaining({ id: permitId, refusalReason }),
    );
    const history = await as(applicantNow).get(`/api/permits/${permitId}/events`);
    expect(history.body).toContainEqual(
      expect.objectContaining({ type: 'rejected', reason: refusalReason }),
    );

    // Another household of the association reads none of it.
    const [other] = await t.sql<{ phone: string }>(
      `SELECT m.phone FROM member m JOIN household h ON h.id = m.household_id
         JOIN association a ON a.id = h.association_id
        WHERE a.name = '4143车友会' AND m.role = 'resident'
          AND m.household_id NOT IN ($1, $2, $3)
        ORDER BY m.phone LIMIT 1`,
      [objector.household_id, household.household_id, applicant.householdId],
    );
    const outsider = await t.login(other!.phone);
    expect((await as(outsider).get(`/api/violations/${violationId}`)).status).toBe(404);
    expect((await as(outsider).get(`/api/permits/${permitId}`)).status).toBe(404);
    const theirs = await as(outsider).get(`/api/spaces/${spaceId}/objections`);
    expect(JSON.stringify(theirs.body)).not.toContain(objectionReason);
    expect(JSON.stringify((await as(outsider).get('/api/objections/mine')).body)).not.toContain(
      objectionReason,
    );
    // The council reads them all.
    expect((await as(adminNow).get(`/api/permits/${permitId}`)).body.refusalReason).toBe(
      refusalReason,
    );
  });
});
