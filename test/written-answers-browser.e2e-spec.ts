import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Every question gets a written answer, on a 360-px phone in Chinese: the council answers a
 * resident's comment on a draft from its convention screen and every member reads the answer
 * under the comment; a warden's violation keeps what was said, the outcome and a photo; a
 * household finds the council's reasons for a refused permit, a decided appeal and an upheld
 * objection on 我的停车证.
 */
describeWithBrowser('written answers in the browser', ({ newPage }) => {
  let t: TestApp;
  let admin: string;
  let versionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    const draft = await post(admin, '/api/conventions/versions', {
      title: '访客证增至每月六次',
      parameters: { visitorPassesPerMonth: 6 },
      commentDays: 7,
      votingDays: 7,
      noticeDays: 7,
    });
    expect(draft.status).toBe(201);
    versionId = draft.body.id;
    await post(admin, `/api/conventions/versions/${versionId}/open-comments`).expect(200);
  }, 120_000);
  afterAll(() => t?.close());

  function post(token: string, path: string, body: object = {}) {
    return t.http().post(path).set('authorization', `Bearer ${token}`).send(body);
  }

  it('the council answers a comment in writing; every member reads it under the comment', async () => {
    const resident = await t.login(DEMO.resident);
    const comment = await post(resident, `/api/conventions/versions/${versionId}/comments`, {
      articleNumber: 4,
      text: '六次够用吗？周末来访的亲戚多。',
    });
    expect(comment.status).toBe(201);
    const general = await post(resident, `/api/conventions/versions/${versionId}/comments`, {
      text: '希望表决前开一次居民代表会。',
    });
    expect(general.status).toBe(201);

    const council = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(council, t.url, DEMO.admin, DEMO.password);
    await council.goto(`${t.url}/app/#/council/convention?version=${versionId}`);
    const item = council.getByTestId(`comment-${comment.body.id}`);
    await item.waitFor();
    expect(await council.getByTestId('comments-unanswered').innerText()).toBe('待答复 2 条');
    await item.getByTestId('reply-open').click();
    await item.getByTestId('reply-send').click();
    await item.getByRole('alert').filter({ hasText: '请先写下答复内容' }).waitFor();
    await item
      .getByTestId('reply-text')
      .fill('感谢建议。理事会将在表决前统计周末来访情况，必要时调整为八次。');
    await expectAccessible(council, 'council answering a comment');
    await expectTouchTargets(council, 'council answering a comment');
    await item.getByTestId('reply-send').click();
    // Answered once, read by every member: the council confirms first.
    await council.getByTestId('confirm-dialog').waitFor();
    expect(await council.getByTestId('confirm-dialog').innerText()).toContain('不能修改');
    await council.getByTestId('confirm-yes').click();
    const reply = item.getByTestId('comment-reply');
    await reply.waitFor();
    expect(await reply.innerText()).toMatch(
      /^理事会答复（.+，\d{4}-\d{2}-\d{2} \d{2}:\d{2}）： 感谢建议。理事会将在表决前统计周末来访情况/,
    );
    expect(await item.getByTestId('reply-open').count()).toBe(0);
    expect(await council.getByTestId('comments-unanswered').innerText()).toBe('待答复 1 条');
    const [stored] = await t.sql<{ reply_text: string }>(
      `SELECT reply_text FROM convention_comment WHERE id = $1`,
      [comment.body.id],
    );
    expect(stored!.reply_text).toContain('必要时调整为八次');

    // Another household reads the comment and the council's answer under it.
    const member = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(member, t.url, DEMO.otherResident, DEMO.password);
    await member.goto(`${t.url}/app/#/convention`);
    const seen = member.getByTestId(`comment-${comment.body.id}`);
    await seen.waitFor();
    expect(await seen.innerText()).toContain('六次够用吗？');
    expect(await seen.getByTestId('comment-reply').innerText()).toContain('必要时调整为八次');
    // A comment on the whole draft is shown too, its answer still awaited.
    const awaited = member.getByTestId(`comment-${general.body.id}`);
    expect(await awaited.innerText()).toContain('希望表决前开一次居民代表会。');
    expect(await awaited.getByTestId('comment-awaiting').innerText()).toBe('等待理事会书面答复');
    await expectAccessible(member, 'member reading the answers');
    await expectTouchTargets(member, 'member reading the answers');
  });

  it('a warden’s violation keeps what was said, the outcome and a photo', async () => {
    const warden = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(warden, t.url, DEMO.wardens[0], DEMO.password);
    await warden.goto(`${t.url}/app/#/council/violations`);
    await warden.getByTestId('record-form').waitFor();
    await warden.getByTestId('record-kind').selectOption('blocking_passage');
    await warden.getByTestId('record-plate').fill('京N7Q2X9');
    await warden.getByTestId('record-place').fill('下岗胡同东口消防通道');
    await warden.getByText('拒绝挪车').click();
    await warden.getByTestId('record-note').fill('请您挪到东口空位，这里是消防通道。');
    const jpeg = await warden.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#1f2328';
      g.fillRect(0, 0, 640, 480);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
    });
    await warden.getByTestId('persuasion-photo').setInputFiles({
      name: 'car.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpeg, 'base64'),
    });
    await warden.locator('.daily-photo img').waitFor();
    await expectAccessible(warden, 'warden recording a violation');
    await expectTouchTargets(warden, 'warden recording a violation');
    await warden.getByTestId('record-submit').click();
    await warden.getByTestId('record-result').waitFor();
    expect(await warden.getByTestId('record-result').innerText()).toMatch(/已记录：第\d+次/);

    const [record] = await t.sql<{ note: string; outcome: string; photos: string }>(
      `SELECT p.note, p.outcome,
              (SELECT count(*) FROM persuasion_photo f WHERE f.persuasion_id = p.id) AS photos
         FROM persuasion p JOIN violation v ON v.id = p.violation_id
        WHERE v.place = '下岗胡同东口消防通道' AND p.note = '请您挪到东口空位，这里是消防通道。'`,
    );
    expect(record).toEqual({
      note: '请您挪到东口空位，这里是消防通道。',
      outcome: 'refused',
      photos: '1',
    });
  });

  it('the household reads why its permit was refused, how its appeal and its objection were decided', async () => {
    const [pending] = await t.sql<{ id: string; phone: string; household_id: string }>(
      `SELECT p.id, m.phone, p.household_id FROM permit p
         JOIN association a ON a.id = p.association_id
         JOIN member m ON m.household_id = p.household_id AND m.role = 'resident'
        WHERE a.name = '4143车友会' AND p.status = 'pending' AND p.kind = 'resident'
        ORDER BY p.number, m.phone LIMIT 1`,
    );
    await post(admin, `/api/permits/${pending!.id}/reject`, {
      reason: '本户已有一辆车持证，依公约第三条每户限一车。',
    }).expect(200);
    const [car] = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle WHERE household_id = $1 ORDER BY plate LIMIT 1`,
      [pending!.household_id],
    );
    const warden = await t.login(DEMO.wardens[0]);
    const violation = await post(warden, '/api/violations', {
      kind: 'wrong_space',
      plate: car!.plate,
      place: '下岗胡同XG-12',
      note: '请停回自家车位。',
      outcome: 'moved',
    });
    expect(violation.status).toBe(201);
    const household = await t.login(pending!.phone);
    await post(household, `/api/violations/${violation.body.id}/appeal`, {
      reason: '当时自家车位被占，临时停放。',
    }).expect(200);
    await post(admin, `/api/violations/${violation.body.id}/decision`, {
      decision: 'overturned',
      note: '经核实自家车位当时确被外来车辆占用，撤销记录。',
    }).expect(200);

    // The household objected to a space painted under its window; the council upheld it.
    const [space] = await t.sql<{ id: string; code: string }>(
      `SELECT s.id, s.code FROM space s JOIN association a ON a.id = s.association_id
        WHERE a.name = '4143车友会' AND s.availability = 'open' AND NOT EXISTS
          (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
        ORDER BY s.code DESC LIMIT 1`,
    );
    await t.sql(
      `UPDATE space SET consent = 'pending', objection_until = now() + interval '7 days' WHERE id = $1`,
      [space!.id],
    );
    await t.sql(`INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)`, [
      space!.id,
      pending!.household_id,
    ]);
    const objection = await post(household, `/api/spaces/${space!.id}/objections`, {
      reason: '正对我家窗户，夜里车灯照进屋。',
    }).expect(201);
    await post(admin, `/api/spaces/${space!.id}/objections/${objection.body.id}/decision`, {
      decision: 'upheld',
      reason: '异议成立，此车位取消，线条将于本周清除。',
    }).expect(200);

    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, pending!.phone, DEMO.password);
    await page.goto(`${t.url}/app/#/permits`);
    const refusal = page.getByTestId('permit-refusal-reason');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      '未获批准。理事会的理由：本户已有一辆车持证，依公约第三条每户限一车。',
    );
    const answer = page
      .getByTestId(`household-violation-${violation.body.id}`)
      .getByTestId('appeal-answer');
    await answer.waitFor();
    expect(await answer.innerText()).toBe(
      '申诉成立，记录撤销。理事会的理由：经核实自家车位当时确被外来车辆占用，撤销记录。',
    );
    const objected = page
      .getByTestId(`household-objection-${objection.body.id}`)
      .getByTestId('objection-answer');
    await objected.waitFor();
    expect(await objected.innerText()).toBe(
      '异议成立，车位取消。理事会的答复：异议成立，此车位取消，线条将于本周清除。',
    );
    expect(
      await page.getByTestId(`household-objection-${objection.body.id}`).innerText(),
    ).toContain(`对车位${space!.code}的异议`);
    await expectAccessible(page, 'my permits with the council’s reasons');
    await expectTouchTargets(page, 'my permits with the council’s reasons');

    // The household keeps its own permit ledger: the refusal and its reason are in it.
    const download = page.waitForEvent('download');
    await page.getByTestId('my-permits-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('permit-ledger.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await file.path()));
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells).toContain('本户已有一辆车持证，依公约第三条每户限一车。');
    expect(cells.join('|')).toContain('停车证台账');
  });
});
