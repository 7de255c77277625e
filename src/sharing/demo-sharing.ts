import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE, DEMO_PASSWORD } from '../associations/demo-data';
import { hashPassword } from '../auth/password';
import type { WeeklyRule } from './offer-windows';
import { termsHashOf } from './offers.service';
import { DemoSeed } from '../database/demo-seed';

const OFFICE_TERMS =
  '本车库错时开放仅供停放，单位不承担车辆及车内物品保管责任；请按时驶离，超时将通报车友会。';
const SCHOOL_TERMS = '校园操场夜间开放，7:00前必须驶离以保障学生安全；单位不承担保管责任。';

async function insertId(em: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await em.query(sql, params);
  return rows[0]!.id;
}

async function offer(
  em: EntityManager,
  fields: {
    carParkId: string;
    unitId: string;
    associationId: string;
    title: string;
    places: number;
    standingPlaces: number;
    named: boolean;
    rules: WeeklyRule[];
    terms: string;
    fee: number;
  },
): Promise<string> {
  return insertId(
    em,
    `INSERT INTO off_peak_offer (car_park_id, resident_unit_id, association_id, title, places, standing_places,
       named_spaces, weekly_rules, valid_from, eligible_association_ids, monthly_fee_cny, terms_text, terms_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2026-01-01', ARRAY[$3]::uuid[], $9, $10, $11) RETURNING id`,
    [
      fields.carParkId,
      fields.unitId,
      fields.associationId,
      fields.title,
      fields.places,
      fields.standingPlaces,
      fields.named,
      JSON.stringify(fields.rules),
      fields.fee,
      fields.terms,
      termsHashOf(fields.terms),
    ],
  );
}

/**
 * Two resident units lend their car parks to every household of the demo lane: the office
 * tower's garage (60 of its 80 places, weeknights 19:00–07:30 and all weekend, 20 of them as
 * monthly passes; the tower keeps 20 for its own cars, so it can still lend a few more) and
 * 二龙路小学's yard (all 20 painted spaces every night 20:00–07:00).
 */
export async function seedSharingDemo(em: EntityManager, demo: AssociationDemo): Promise<void> {
  const garage = await insertId(
    em,
    `INSERT INTO car_park (association_id, resident_unit_id, name, address, entrance_notes, total_spaces)
     VALUES ($1, $2, '金融街中心地下车库', '金融街中心B2', '由二龙路北口进入,刷车友会停车证抬杆', 80) RETURNING id`,
    [demo.associationId, demo.residentUnitId],
  );
  await offer(em, {
    carParkId: garage,
    unitId: demo.residentUnitId,
    associationId: demo.associationId,
    title: '金融街中心夜间及周末共享',
    places: 60,
    standingPlaces: 20,
    named: false,
    // "All weekend": from Saturday 07:30 (when Friday night ends) round the clock to Monday 07:30.
    rules: [
      { days: 'weekdays', from: '19:00', to: '07:30' },
      { days: 'weekends', from: '07:30', to: '07:30' },
    ],
    terms: OFFICE_TERMS,
    fee: 150,
  });

  const school = await insertId(
    em,
    `INSERT INTO resident_unit (association_id, name, kind, address)
     VALUES ($1, '二龙路小学', 'school', '二龙路小学操场') RETURNING id`,
    [demo.associationId],
  );
  await em.query(
    `INSERT INTO member (association_id, resident_unit_id, name, phone, password_hash, role)
     VALUES ($1, $2, '钱主任', '13800000101', $3, 'unit')`,
    [demo.associationId, school, await hashPassword(DEMO_PASSWORD)],
  );
  const yard = await insertId(
    em,
    `INSERT INTO car_park (association_id, resident_unit_id, name, address, entrance_notes, total_spaces)
     VALUES ($1, $2, '二龙路小学操场', '二龙路小学东门', '东门进,沿白线停放', 20) RETURNING id`,
    [demo.associationId, school],
  );
  const spaces: string[] = [];
  for (let n = 1; n <= 20; n++) {
    spaces.push(
      await insertId(
        em,
        `INSERT INTO car_park_space (car_park_id, code) VALUES ($1, $2) RETURNING id`,
        [yard, `E${String(n).padStart(2, '0')}`],
      ),
    );
  }
  const yardOffer = await offer(em, {
    carParkId: yard,
    unitId: school,
    associationId: demo.associationId,
    title: '二龙路小学操场夜间共享',
    places: 20,
    standingPlaces: 0,
    named: true,
    rules: [{ days: 'daily', from: '20:00', to: '07:00' }],
    terms: SCHOOL_TERMS,
    fee: 0,
  });
  for (const space of spaces) {
    await em.query(`INSERT INTO off_peak_offer_space (offer_id, space_id) VALUES ($1, $2)`, [
      yardOffer,
      space,
    ]);
  }
}

export const sharingDemoSeed = DemoSeed.provider({
  feature: 'sharing',
  order: 60,
  seed: (demo) => seedSharingDemo(demo.tx, demo.get(DEMO_LANE)),
});
