import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** The guest link a household sends must open from the guest's phone, not say localhost. */
describe('the visitor link names the public address', () => {
  let t: TestApp;
  const previous = process.env.PUBLIC_URL;
  beforeAll(async () => {
    process.env.PUBLIC_URL = 'https://parking.example.cn/';
    t = await startTestApp();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = previous;
    await t.close();
  });

  it('builds the guest link from PUBLIC_URL when it is set', async () => {
    const resident = await t.login(DEMO.resident);
    const issued = await t
      .http()
      .post('/api/visitor-passes')
      .set('Authorization', `Bearer ${resident}`)
      .send({ plate: '京N·5C218', hours: 3 });
    expect(issued.status).toBe(201);
    expect(issued.body.guestUrl).toMatch(/^https:\/\/parking\.example\.cn\/visit\/[\w-]{16,}$/);
    const guest = await t.http().get(new URL(issued.body.guestUrl as string).pathname);
    expect(guest.status).toBe(200);
    expect(guest.text).toContain('京N·5C218');
  });
});
