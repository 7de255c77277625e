import type { EntityManager } from 'typeorm';
import { DEMO_PASSWORD, type AssociationDemo } from '../associations/demo-data';
import { hashPassword } from '../auth/password';
import { DemoSeed } from '../database/demo-seed';
import { Transactions } from '../database/transactions';
import { seedRostersDemo } from '../rosters/demo-data';
import { DutyRequirementRepository } from '../rosters/duty-requirement.repository';

/** The street office's demo account (金融街街道). */
export const STREET_DEMO_PHONE = '13800000300';
/** The second association's council; its wardens are …401 and …402, residents from …410. */
export const SECOND_DEMO_COUNCIL_PHONE = '13800000400';

const STREET = '金融街街道';
const HOUSEHOLDS = 20;
const SPACES = 25;
const PITCH_M = 6.4;
const FIRST_AT_M = 3;
const NAMES = ['钱桂兰', '孙立新', '周国栋', '吴玉珍', '郑春华', '冯建军', '陈秀英', '褚志刚'];
const HOUR_MS = 3_600_000;

async function insertId(em: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await em.query(sql, params);
  return rows[0]!.id;
}

/**
 * The street office's account, and a second association of the street so that its overview
 * compares something: 砖塔车友会 of 丰盛社区, 25 self-made spaces along 砖塔胡同, two wardens, four
 * volunteers, 20 households, its own roster (two wardens cannot cover three shifts: the overview
 * shows the nights short of a second warden), the last day's parking and this season's violations. Relative to `now`.
 */
export async function seedStreetDemo(em: EntityManager, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.query(
    `INSERT INTO member (association_id, street_office, name, phone, password_hash, role)
     VALUES (NULL, $1, '金融街街道 王主任', $2, $3, 'street')`,
    [STREET, STREET_DEMO_PHONE, passwordHash],
  );

  const associationId = await insertId(
    em,
    `INSERT INTO association (name, community, street_office, created_at)
     VALUES ('砖塔车友会', '丰盛社区', $1, $2) RETURNING id`,
    [STREET, new Date(now.getTime() - 200 * 24 * HOUR_MS)],
  );
  const laneGeometry = [
    { x: 0, y: 0 },
    { x: 170, y: 0 },
  ];
  const laneId = await insertId(
    em,
    `INSERT INTO lane (association_id, name, geometry) VALUES ($1, '砖塔胡同', $2) RETURNING id`,
    [associationId, JSON.stringify(laneGeometry)],
  );
  await em.query(
    `INSERT INTO lane_segment (lane_id, from_m, to_m, width_m, clear_passage_m)
     VALUES ($1, 0, 170, 6.5, 4)`,
    [laneId],
  );
  const member = (fields: [string, string, string, string | null, boolean]) =>
    insertId(
      em,
      `INSERT INTO member (association_id, name, phone, password_hash, role, household_id, volunteer)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [associationId, fields[0], fields[1], passwordHash, fields[2], fields[3], fields[4]],
    );

  const households: AssociationDemo['households'] = [];
  for (let n = 1; n <= HOUSEHOLDS; n++) {
    const address = `砖塔胡同${n}号`;
    const household = await insertId(
      em,
      `INSERT INTO household (association_id, address) VALUES ($1, $2) RETURNING id`,
      [associationId, address],
    );
    const name = `${NAMES[n % NAMES.length]!.slice(0, 1)}${['宝华', '振东', '淑贞', '德顺', '金凤'][n % 5]}`;
    const phone = `138000004${String(9 + n).padStart(2, '0')}`;
    const residentId = await member([name, phone, 'resident', household, n % 5 === 0]);
    // 24 cars for 25 spaces and 20 households: a few households have two.
    const plates = n % 5 === 1 ? [plateOf(n), plateOf(n + 40)] : [plateOf(n)];
    const vehicleIds: string[] = [];
    for (const plate of plates) {
      vehicleIds.push(
        await insertId(
          em,
          `INSERT INTO vehicle (association_id, household_id, owner_member_id, plate, plate_color)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [associationId, household, residentId, plate, plate.length === 8 ? 'green' : 'blue'],
        ),
      );
    }
    households.push({ id: household, address, residentId, vehicleIds });
  }
  const adminId = await member([
    '钱桂兰',
    SECOND_DEMO_COUNCIL_PHONE,
    'admin',
    households[0]!.id,
    false,
  ]);
  const wardenIds = [
    await member(['褚长林', '13800000401', 'warden', null, false]),
    await member(['卫红梅', '13800000402', 'warden', null, false]),
  ];

  const spaceIds: string[] = [];
  for (let n = 1; n <= SPACES; n++) {
    const from = FIRST_AT_M + (n - 1) * PITCH_M;
    spaceIds.push(
      await insertId(
        em,
        `INSERT INTO space (association_id, lane_id, code, x, y, angle, chainage_from, chainage_to,
                            side, size_class, availability, consent)
         VALUES ($1, $2, $3, $4, -1.75, 0, $5, $6, -1, 'standard', 'open', 'approved') RETURNING id`,
        [associationId, laneId, `ZT-${String(n).padStart(2, '0')}`, from + 2.5, from, from + 5],
      ),
    );
  }

  // The last day of parking: most cars home overnight, fewer by day, as wardens recorded them.
  const cars = households.flatMap((h) =>
    h.vehicleIds.map((v) => ({ vehicle: v, household: h.id })),
  );
  const hourNow = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  for (const [i, car] of cars.entries()) {
    const space = spaceIds[i % SPACES]!;
    const leftAt = hourNow - (9 + (i % 4)) * HOUR_MS - 20 * 60_000;
    const cameAt = leftAt - (10 + (i % 5)) * HOUR_MS;
    const back = i % 3 !== 0;
    await session(em, {
      associationId,
      laneId,
      space,
      car,
      from: cameAt,
      to: leftAt,
      by: wardenIds[i % 2]!,
    });
    if (back) {
      const returned = hourNow - (i % 6) * HOUR_MS - 15 * 60_000;
      await session(em, {
        associationId,
        laneId,
        space,
        car,
        from: returned,
        to: null,
        by: wardenIds[i % 2]!,
      });
    }
  }

  // This season's violations, for the month-by-month comparison; persuasion first (劝导).
  const kinds = [
    'no_permit',
    'blocking_passage',
    'wrong_space',
    'overstay',
    'no_permit',
    'wrong_space',
  ];
  for (const [i, kind] of kinds.entries()) {
    const car = cars[(i * 5) % cars.length]!;
    await em.query(
      `INSERT INTO violation (association_id, kind, plate, vehicle_id, household_id, place,
                              occurred_at, recorded_by, step, action)
       SELECT $1, $2, v.plate, v.id, v.household_id, '砖塔胡同西口', $3, $4, 1, 'persuasion'
         FROM vehicle v WHERE v.id = $5`,
      [
        associationId,
        kind,
        new Date(now.getTime() - (2 + i * 11) * 24 * HOUR_MS),
        wardenIds[i % 2],
        car.vehicle,
      ],
    );
  }

  // Four volunteers of the civility persuasion team take the weekday evening patrol.
  for (const h of households.slice(1, 5)) {
    await em.query(`UPDATE member SET volunteer = true WHERE id = $1`, [h.residentId]);
  }
  await seedRostersDemo(
    em,
    {
      associationId,
      laneId,
      laneGeometry,
      adminId,
      wardenIds,
      households,
      residentUnitId: '',
      unitStaffId: '',
      viewerId: '',
    },
    now,
  );
  // 砖塔's convention asks two on the lane at night, which its two wardens cannot also cover by
  // day: the overview shows the street where help is needed.
  await new DutyRequirementRepository(new Transactions(em.connection)).insert(em, associationId, {
    name: '夜间双人值守',
    kind: 'warden',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startMinute: 0,
    endMinute: 6 * 60,
    people: 2,
    articleNumber: 5,
  });
}

function plateOf(n: number): string {
  if (n % 6 === 0) return `京AD6${String(n).padStart(4, '0')}`;
  return `京${'ABCEF'[n % 5]}Z${String(1000 + n * 37).slice(-4)}`;
}

async function session(
  em: EntityManager,
  s: {
    associationId: string;
    laneId: string;
    space: string;
    car: { vehicle: string; household: string };
    from: number;
    to: number | null;
    by: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO occupancy_session (association_id, lane_id, space_id, vehicle_id, household_id,
                                    plate, source, started_at, ended_at, checked_in_by, checked_out_by)
     SELECT $1, $2, $3, v.id, v.household_id, v.plate, 'warden', $5, $6, $7,
            CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE $7::uuid END
       FROM vehicle v WHERE v.id = $4`,
    [
      s.associationId,
      s.laneId,
      s.space,
      s.car.vehicle,
      new Date(s.from),
      s.to === null ? null : new Date(s.to),
      s.by,
    ],
  );
}

export const streetDemoSeed = DemoSeed.provider({
  feature: 'street',
  // After every feature of the first lane: the second association is the street's demo.
  order: 90,
  seed: (demo) => seedStreetDemo(demo.tx, demo.now),
});
