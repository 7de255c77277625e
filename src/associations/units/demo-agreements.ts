import { addDays, shanghaiDate } from '../../common/shanghai-time';
import { DemoSeed } from '../../database/demo-seed';
import type { AgreementWindow } from './unit-agreement.repository';

// The demo units lend what they signed for: each has its agreement (协议), signed a little before
// its year began, two months ago, so whoever starts the demo finds one in force.
const AGREEMENTS: {
  unit: string;
  places: number;
  windows: AgreementWindow[];
  liability: string;
  contactName: string;
  contactPhone: string;
  feePercent: number;
}[] = [
  {
    unit: '金融街中心写字楼',
    places: 60,
    windows: [
      { days: 'weekdays', from: '19:00', to: '07:30' },
      { days: 'weekends', from: '07:30', to: '07:30' },
    ],
    liability: '车库错时开放仅供停放，单位不承担车辆及车内物品保管责任；超时停放由车友会劝导处理。',
    contactName: '刘经理',
    contactPhone: '13800000100',
    feePercent: 10,
  },
  {
    unit: '二龙路小学',
    places: 20,
    windows: [{ days: 'daily', from: '20:00', to: '07:00' }],
    liability: '操场夜间开放，7:00前必须驶离以保障学生安全；单位不承担保管责任。',
    contactName: '钱主任',
    contactPhone: '13800000101',
    feePercent: 0,
  },
];

export const unitAgreementsDemoSeed = DemoSeed.provider({
  feature: 'unit agreements',
  order: 70,
  seed: async ({ tx, now }) => {
    const termFrom = addDays(shanghaiDate(now), -60);
    for (const a of AGREEMENTS) {
      await tx.query(
        `INSERT INTO unit_agreement (resident_unit_id, association_id, version, term_from, term_to,
                places, windows, liability, contact_name, contact_phone, signed_on,
                association_fee_percent)
         SELECT u.id, u.association_id, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10
           FROM resident_unit u WHERE u.name = $1`,
        [
          a.unit,
          termFrom,
          addDays(addDays(termFrom, 365), -1),
          a.places,
          JSON.stringify(a.windows),
          a.liability,
          a.contactName,
          a.contactPhone,
          addDays(termFrom, -10),
          a.feePercent,
        ],
      );
    }
  },
});
