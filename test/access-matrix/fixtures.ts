import type { Actor } from '../../src/auth/actor';
import type { Role } from '../../src/auth/role';
import { STREET_DEMO_PHONE } from '../../src/street/demo-street';
import { DEMO, type TestApp } from '../support/test-app';

export const ROLES_UNDER_TEST = [
  'admin',
  'warden',
  'resident',
  'unit',
  'viewer',
  'street',
] as const;
export type Who = (typeof ROLES_UNDER_TEST)[number];

export const PHONES: Record<Who, string> = {
  admin: DEMO.admin,
  warden: DEMO.wardens[0],
  resident: DEMO.resident,
  unit: DEMO.unit,
  viewer: DEMO.viewer,
  street: STREET_DEMO_PHONE,
};

/** The objects the matrix writes to: the demo lane's, plus a few made for it by the council. */
export interface Fixtures {
  association: string;
  lane: string;
  unit: string;
  ownHousehold: string;
  spareHousehold: string;
  housemate: string;
  ownVehicle: string;
  spareVehicles: Record<'admin' | 'resident', string>;
  space: string;
  restriction: string;
  draftVersion: string;
  version: string;
  shift: string;
  assignment: string;
  requirement: string;
  pendingPermit: string;
  activePermit: string;
  violation: string;
  offer: string;
  carPark: string;
  viewer: string;
  actors: Record<Who, Actor>;
  /** A fresh number for unique values (plates, phones, codes). */
  next(): number;
}

const ONE = <T>(rows: T[], what: string): T => {
  if (!rows[0]) throw new Error(`access matrix fixture: no ${what} in the demo data`);
  return rows[0];
};

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  let counter = 0;
  const next = () => ++counter;
  const id = async (sql: string, params: unknown[] = [], what = sql) =>
    ONE(await t.sql<{ id: string }>(sql, params), what).id;

  const actors = {} as Record<Who, Actor>;
  for (const who of Object.keys(PHONES) as Who[]) {
    const session = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: PHONES[who], password: DEMO.password });
    const m = session.body.member as {
      id: string;
      associationId: string;
      role: Role;
      householdId: string | null;
      residentUnitId: string | null;
    };
    actors[who] = {
      memberId: m.id,
      associationId: m.associationId,
      role: m.role,
      householdId: m.householdId,
      residentUnitId: m.residentUnitId,
      readableAssociationIds: [m.associationId],
    };
    if (m.role === 'street') {
      // Street-office staff belong to a street: they read no association's data as a member.
      const me = await t
        .http()
        .get('/api/me')
        .set('authorization', `Bearer ${session.body.accessToken as string}`);
      actors[who] = {
        ...actors[who],
        readableAssociationIds: [],
        streetOffice: me.body.streetOffice as string,
      };
    }
  }
  const association = actors.admin.associationId;
  const ownHousehold = actors.resident.householdId!;
  const admin = `Bearer ${await t.login(DEMO.admin)}`;
  const asAdmin = async (path: string, body: object) => {
    const response = await t.http().post(path).set('authorization', admin).send(body);
    if (response.status >= 300) throw new Error(`fixture ${path}: ${response.text}`);
    return response.body as { id: string };
  };

  const spareHousehold = (await asAdmin('/api/households', { address: '矩阵胡同1号' })).id;
  const housemate = (
    await asAdmin('/api/members', {
      name: '同住人',
      phone: '13700009001',
      role: 'resident',
      householdId: ownHousehold,
    })
  ).id;
  const spareVehicles = {
    admin: (await asAdmin('/api/vehicles', { plate: '京M90001', householdId: ownHousehold })).id,
    resident: (await asAdmin('/api/vehicles', { plate: '京M90002', householdId: ownHousehold })).id,
  };
  const draftVersion = (await asAdmin('/api/conventions/versions', { title: '矩阵草案' })).id;
  const shift = (
    await asAdmin('/api/rosters/shifts', {
      name: '矩阵加班',
      kind: 'warden',
      from: '2030-01-05T10:00',
      to: '2030-01-05T14:00',
    })
  ).id;
  const assignment = (
    await asAdmin(`/api/shifts/${shift}/assignments`, { memberId: actors.warden.memberId })
  ).id;

  return {
    association,
    lane: await id(`SELECT id FROM lane WHERE association_id = $1`, [association], 'lane'),
    unit: actors.unit.residentUnitId!,
    ownHousehold,
    spareHousehold,
    housemate,
    ownVehicle: await id(
      `SELECT id FROM vehicle WHERE household_id = $1 AND plate NOT LIKE '京M9000%' ORDER BY created_at`,
      [ownHousehold],
      'vehicle of the resident',
    ),
    spareVehicles,
    space: await id(`SELECT id FROM space ORDER BY code LIMIT 1`, [], 'space'),
    restriction: await id(`SELECT id FROM space_restriction LIMIT 1`, [], 'restriction'),
    draftVersion,
    version: await id(
      `SELECT id FROM convention_version WHERE association_id = $1 ORDER BY number LIMIT 1`,
      [association],
      'convention version',
    ),
    shift,
    assignment,
    requirement: await id(
      `SELECT id FROM duty_requirement WHERE association_id = $1 ORDER BY name LIMIT 1`,
      [association],
      'duty requirement',
    ),
    pendingPermit: await id(`SELECT id FROM permit WHERE status = 'pending' LIMIT 1`),
    activePermit: await id(
      `SELECT id FROM permit WHERE status = 'active' AND household_id = $1 LIMIT 1`,
      [ownHousehold],
      "the resident's active permit",
    ),
    violation: await id(`SELECT id FROM violation LIMIT 1`),
    offer: await id(`SELECT id FROM off_peak_offer LIMIT 1`),
    carPark: await id(`SELECT id FROM car_park WHERE resident_unit_id = $1 LIMIT 1`, [
      actors.unit.residentUnitId,
    ]),
    viewer: actors.viewer.memberId,
    actors,
    next,
  };
}
