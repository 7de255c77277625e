// Test data built the way people build it: through the service's own API, as the street office
// and a council would, with sensible defaults. A test that needs "an association with a lane and a
// resident with a car" asks for one here instead of borrowing the demo seed's phones and codes, so
// it owns its data and no other test file can change it under its feet.
import { STREET_DEMO_PHONE } from '../../src/street/demo-street';
import type { TestApp } from './test-app';

/** Someone who can log in: their phone, password and a fresh access token. */
export interface Person {
  memberId: string;
  phone: string;
  password: string;
  token: string;
}

export interface FreshAssociation {
  id: string;
  name: string;
  council: Person;
}

const PASSWORD = 'factory-pass-4143';
let sequence = 0;

/** A phone no demo member and no other factory call of this process has: 139 + pid + counter. */
export function freshPhone(): string {
  sequence += 1;
  const pid = String(process.pid % 10_000).padStart(4, '0');
  return `139${pid}${String(sequence).padStart(4, '0')}`;
}

function expectStatus(what: string, response: { status: number; text: string }, ok: number[]) {
  if (!ok.includes(response.status)) {
    throw new Error(`${what}: ${response.status} ${response.text}`);
  }
}

/** The street office founds an association in one of its communities, with its first council. */
export async function onboardAssociation(
  t: TestApp,
  fields: { name?: string; community?: string; councilName?: string } = {},
): Promise<FreshAssociation> {
  const street = await t.login(STREET_DEMO_PHONE);
  sequence += 1;
  const name = fields.name ?? `测试车友会${process.pid}-${sequence}`;
  const founded = await t
    .http()
    .post('/api/associations')
    .set('Authorization', `Bearer ${street}`)
    .send({ name, community: fields.community ?? '测试社区' });
  expectStatus('found association', founded, [201]);
  const phone = freshPhone();
  const council = await t
    .http()
    .post(`/api/associations/${founded.body.id}/council`)
    .set('Authorization', `Bearer ${street}`)
    .send({ name: fields.councilName ?? '钱桂兰', phone, password: PASSWORD });
  expectStatus('add council', council, [201]);
  return {
    id: founded.body.id,
    name,
    council: {
      memberId: council.body.id,
      phone,
      password: PASSWORD,
      token: await t.login(phone, PASSWORD),
    },
  };
}

/** A straight lane, `length` metres along the x axis. */
export async function addLane(
  t: TestApp,
  council: Person,
  fields: { name?: string; length?: number } = {},
): Promise<{ id: string; name: string }> {
  const name = fields.name ?? '测试胡同';
  const lane = await t
    .http()
    .post('/api/lanes')
    .set('Authorization', `Bearer ${council.token}`)
    .send({
      name,
      geometry: [
        { x: 0, y: 0 },
        { x: fields.length ?? 120, y: 0 },
      ],
    });
  expectStatus('add lane', lane, [200, 201]);
  return { id: lane.body.id, name };
}

export async function addHousehold(
  t: TestApp,
  council: Person,
  fields: { address?: string } = {},
): Promise<{ id: string; address: string }> {
  sequence += 1;
  const address = fields.address ?? `测试胡同${sequence}号`;
  const household = await t
    .http()
    .post('/api/households')
    .set('Authorization', `Bearer ${council.token}`)
    .send({ address });
  expectStatus('add household', household, [200, 201]);
  return { id: household.body.id, address };
}

/** A member the council adds with an initial password, logged in at once. */
export async function addMember(
  t: TestApp,
  council: Person,
  fields: { role: 'resident' | 'warden' | 'admin'; householdId?: string; name?: string },
): Promise<Person> {
  const phone = freshPhone();
  const member = await t
    .http()
    .post('/api/members')
    .set('Authorization', `Bearer ${council.token}`)
    .send({
      name: fields.name ?? '王秀兰',
      phone,
      role: fields.role,
      householdId: fields.householdId,
      password: PASSWORD,
    });
  expectStatus('add member', member, [200, 201]);
  return {
    memberId: member.body.id,
    phone,
    password: PASSWORD,
    token: await t.login(phone, PASSWORD),
  };
}

/** A household with one resident in it, who registers the household's car. */
export async function addResidentWithCar(
  t: TestApp,
  council: Person,
  fields: { plate?: string } = {},
): Promise<{ household: { id: string; address: string }; resident: Person; vehicleId: string }> {
  const household = await addHousehold(t, council);
  const resident = await addMember(t, council, { role: 'resident', householdId: household.id });
  sequence += 1;
  const vehicle = await t
    .http()
    .post('/api/vehicles')
    .set('Authorization', `Bearer ${resident.token}`)
    .send({ plate: fields.plate ?? `京N${String(10000 + (sequence % 90000)).slice(-5)}` });
  expectStatus('add vehicle', vehicle, [200, 201]);
  return { household, resident, vehicleId: vehicle.body.id };
}
