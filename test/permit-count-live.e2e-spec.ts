import { io, type Socket } from 'socket.io-client';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council's count of applications waiting follows each permit step (issue 12): every
 * council phone hears `permit.updated` (its number and status, no plate or name); a warden
 * and another association's council do not.
 */
let t: TestApp;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await t?.close();
});

async function phone(phoneNumber: string): Promise<{ heard: object[] }> {
  const token = await t.login(phoneNumber);
  const socket = io(`${t.url}/live`, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  const heard: object[] = [];
  socket.on('permit.updated', (payload: object) => heard.push(payload));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { heard };
}

it('an approval reaches the council’s phones and no one else’s', async () => {
  const council = await phone(DEMO.admin);
  const warden = await phone(DEMO.wardens[0]);
  const otherCouncil = await phone('13800000400');
  const [application] = await t.sql<{ id: string; number: number }>(
    `SELECT p.id, p.number FROM permit p JOIN association a ON a.id = p.association_id
      WHERE a.name = '4143车友会' AND p.status = 'pending' AND p.kind = 'resident'
      ORDER BY p.number LIMIT 1`,
  );
  const token = await t.login(DEMO.admin);
  await t
    .http()
    .post(`/api/permits/${application!.id}/approve`)
    .set('Authorization', `Bearer ${token}`)
    .send({})
    .expect(200);

  const deadline = Date.now() + 5000;
  while (council.heard.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(council.heard).toEqual([
    { id: application!.id, number: Number(application!.number), status: expect.any(String) },
  ]);
  // A moment more for anything misrouted to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(warden.heard).toEqual([]);
  expect(otherCouncil.heard).toEqual([]);
});
