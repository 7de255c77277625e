import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import type { LanePoint } from './lane.repository';
import { DemoPart, DemoSeed } from '../database/demo-seed';

export const DEMO_PASSWORD = 'hutong-4143';

export interface AssociationDemo {
  associationId: string;
  laneId: string;
  laneGeometry: LanePoint[];
  adminId: string;
  wardenIds: string[];
  households: { id: string; address: string; residentId: string; vehicleIds: string[] }[];
  residentUnitId: string;
  unitStaffId: string;
  viewerId: string;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈';
const GIVEN = [
  '秀兰',
  '建国',
  '淑珍',
  '志强',
  '桂英',
  '海燕',
  '德明',
  '玉梅',
  '国庆',
  '丽华',
  '振华',
  '春生',
];
// Plates as they appear in 西城: mostly 京 blue plates, some 8-character green new-energy plates.
const PLATES = [
  '京A12345',
  '京B67M21',
  '京C3K889',
  '京E22107',
  '京AD10452',
  '京F5Q778',
  '京G81930',
  '京H2N646',
  '京J77215',
  '京K0C853',
  '京AF36971',
  '京L51428',
  '京M9R202',
  '京N63044',
  '京P40X17',
  '京Q2T539',
  '京AD88213',
  '京A6H310',
  '京B19570',
  '京C80N36',
  '京E7W422',
  '京F31865',
  '京AD27604',
  '京G5L091',
  '京H88246',
  '京J3S720',
  '京K44618',
  '京L7Y355',
  '京AF50128',
  '京M26904',
  '京N8U571',
  '京P13486',
  '京Q67D02',
  '京A3V915',
  '京B40627',
];
const HOUSEHOLDS = 36;
const CAR_FREE = new Set([6, 15, 24, 33]);
const TWO_CARS = new Set([3, 12]);

async function insertId(em: EntityManager, sql: string, params: unknown[] = []): Promise<string> {
  const rows: { id: string }[] = await em.query(sql, params);
  return rows[0]!.id;
}

/** 下岗胡同 of 二龙路社区 (金融街街道), where the 4143 association began in 2017. */
export async function seedAssociationDemo(em: EntityManager): Promise<AssociationDemo> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const associationId = await insertId(
    em,
    `INSERT INTO association (name, community, street_office) VALUES ('4143车友会', '二龙路社区', '金融街街道') RETURNING id`,
  );
  // The lane runs west to east for about 260 m with a slight bend, as on the council's sketch.
  const laneGeometry: LanePoint[] = [
    { x: 0, y: 0 },
    { x: 120, y: 0 },
    { x: 180, y: 12 },
    { x: 260, y: 12 },
  ];
  const lane = await insertId(
    em,
    `INSERT INTO lane (association_id, name, geometry) VALUES ($1, '下岗胡同', $2) RETURNING id`,
    [associationId, JSON.stringify(laneGeometry)],
  );
  const unit = await insertId(
    em,
    `INSERT INTO resident_unit (association_id, name, kind, address)
     VALUES ($1, '金融街中心写字楼', 'company', '金融街中心地下车库') RETURNING id`,
    [associationId],
  );

  const addMember = async (fields: {
    name: string;
    phone: string;
    role: string;
    householdId?: string;
    residentUnitId?: string;
    partyMember?: boolean;
    volunteer?: boolean;
  }): Promise<string> => {
    const row = await insertId(
      em,
      `INSERT INTO member (association_id, household_id, resident_unit_id, name, phone, password_hash, role, party_member, volunteer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        associationId,
        fields.householdId ?? null,
        fields.residentUnitId ?? null,
        fields.name,
        fields.phone,
        passwordHash,
        fields.role,
        fields.partyMember ?? false,
        fields.volunteer ?? false,
      ],
    );
    return row;
  };

  const households: AssociationDemo['households'] = [];
  let plateIndex = 0;
  for (let n = 1; n <= HOUSEHOLDS; n++) {
    const address = `下岗胡同${n}号`;
    const household = await insertId(
      em,
      `INSERT INTO household (association_id, address) VALUES ($1, $2) RETURNING id`,
      [associationId, address],
    );
    const name = SURNAMES[(n - 1) % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]!;
    const residentId = await addMember({
      name,
      phone: `138000000${String(9 + n).padStart(2, '0')}`,
      role: 'resident',
      householdId: household,
      partyMember: n % 5 === 0,
      // Ten of them walk the evening civility-persuasion patrol (文明劝导队).
      volunteer: n <= 20 && n % 2 === 0,
    });
    const vehicleIds: string[] = [];
    const cars = CAR_FREE.has(n) ? 0 : TWO_CARS.has(n) ? 2 : 1;
    for (let c = 0; c < cars; c++) {
      const plate = PLATES[plateIndex++ % PLATES.length]!;
      const vehicle = await insertId(
        em,
        `INSERT INTO vehicle (association_id, household_id, owner_member_id, plate, plate_color)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [associationId, household, residentId, plate, [...plate].length === 8 ? 'green' : 'blue'],
      );
      vehicleIds.push(vehicle);
    }
    households.push({ id: household, address, residentId, vehicleIds });
  }

  const adminId = await addMember({
    name: '赵淑芬',
    phone: '13800000001',
    role: 'admin',
    householdId: households[0]!.id,
    partyMember: true,
  });
  const wardenIds = [
    await addMember({ name: '李长顺', phone: '13800000002', role: 'warden' }),
    await addMember({ name: '马德胜', phone: '13800000003', role: 'warden' }),
    await addMember({ name: '孙玉珍', phone: '13800000004', role: 'warden' }),
  ];
  const unitStaffId = await addMember({
    name: '周经理',
    phone: '13800000100',
    role: 'unit',
    residentUnitId: unit,
  });
  const viewerId = await addMember({
    name: '金融街街道 刘干事',
    phone: '13800000200',
    role: 'viewer',
  });

  return {
    associationId,
    laneId: lane,
    laneGeometry,
    adminId,
    wardenIds,
    households,
    residentUnitId: unit,
    unitStaffId,
    viewerId,
  };
}

/** The demo lane's ids, which the other features' demo seeds build on. */
export const DEMO_LANE = new DemoPart<AssociationDemo>('associations (the demo lane)');

export const associationsDemoSeed = DemoSeed.provider({
  feature: 'associations',
  order: 10,
  present: async (tx) => {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM association LIMIT 1`);
    return rows.length > 0;
  },
  seed: async (demo) => demo.provide(DEMO_LANE, await seedAssociationDemo(demo.tx)),
});
