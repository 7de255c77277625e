import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { DEFAULT_PARAMETERS, type ParameterName } from './convention-parameters';
import { DemoPart, DemoSeed } from '../database/demo-seed';

// Version 1 of the 下岗胡同 convention, modelled on the lane conventions reported in Xicheng
// (2017). Its parameters are the defaults on purpose: the other features' tests and demo assume
// them, and the lane's text agrees (no separate permit fee, 4 visitor passes a month).
export const DEMO_ARTICLES: { number: number; text: string; parameters: ParameterName[] }[] = [
  {
    number: 1,
    text: '为解决下岗胡同停车难，经居民代表和车主商议会协商，全体住户共同制定本公约，由4143车友会组织实施。',
    parameters: [],
  },
  {
    number: 2,
    text: '胡同内自制停车位由车友会统一划线、编号、管理，车主凭车友会发放的停车证停放；住户可自行登记本户车辆和更正车牌，即时生效。',
    parameters: ['vehicleChangesNeedApproval'],
  },
  {
    number: 3,
    text: '每户限一辆车在胡同自制车位停放；其余车辆请停放到驻区单位的错时共享车位。',
    parameters: ['vehiclesPerHousehold'],
  },
  {
    number: 4,
    text: '每户每月可申领访客临时停车证四次，每次不超过二十四小时。',
    parameters: ['visitorPassesPerMonth', 'visitorPassMaxHours'],
  },
  {
    number: 5,
    text: '车友会聘请停车管理员（红袖标）二十四小时轮流值守，引导车辆停放，住户应配合；管理员换班须经理事会同意。',
    parameters: ['wardenSwapsWithoutApproval', 'violationsOnlyByWardensOnDuty'],
  },
  {
    number: 6,
    text: '胡同东西两口、消防栓前为消防通道，任何时候不得停车；另行公示的分时段禁停时段内不得停车。',
    parameters: ['noParkingWindows'],
  },
  {
    number: 7,
    text: '驻区单位错时开放的共享车位，每户限一个固定车位，须在约定时间离开，超时十五分钟视为违约。固定车位少于登记车辆时公开抽签，残疾人驾驶员、八十岁以上老人户优先；每满一个月重新抽签轮换，上期已有车位的排在未有的之后。',
    parameters: [
      'standingAllocationOnePerHousehold',
      'sharedGraceMinutes',
      'priorityTiers',
      'rotationPeriodMonths',
    ],
  },
  {
    number: 8,
    text: '违约停车先由管理员文明劝导；九十日内第二次的，书面告知住户；第三次的，暂停其停车证七日。',
    parameters: ['penaltyLadder'],
  },
  {
    number: 9,
    text: '管理员劳务报酬由车友会经费（街道补贴及驻区单位资助）支付，停车证暂不另收管理费；收费须经本公约修订表决。',
    parameters: ['monthlyFeeCny'],
  },
  {
    number: 10,
    text: '住户对处理有异议的，可向理事会申诉，理事会书面答复。本公约的修订须半数以上住户参加表决、三分之二以上同意，公示七日后生效。',
    parameters: [],
  },
];

/**
 * Version 1 in force since June 2017, with the households' ballots and signatures. Its article 10
 * states how it is amended (adoption_article): half of the households, two thirds, 7 days' 公示.
 */
export async function seedConventionsDemo(
  em: EntityManager,
  demo: AssociationDemo,
): Promise<{ versionId: string }> {
  const households = demo.households;
  // Everyone who voted voted yes; two households were away (大院 19 and 27 were empty that month).
  const absent = new Set([18, 26]);
  const voters = households.filter((_, i) => !absent.has(i));
  const rows: { id: string }[] = await em.query(
    `INSERT INTO convention_version (
       association_id, number, title, status, parameters, voting_unit,
       quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator,
       comment_days, voting_days, notice_days, adoption_article, drafted_by,
       comments_open_at, comments_close_at, voting_open_at, voting_close_at, eligible_voters,
       votes_yes, votes_no, votes_abstain, quorum_met, threshold_met, result_at, notice_until,
       effective_from)
     VALUES ($1, 1, '下岗胡同停车管理自治公约', 'adopted', $2, 'household', 1, 2, 2, 3, 7, 7, 7, 10, $3,
       '2017-06-01T09:00:00+08:00', '2017-06-08T09:00:00+08:00', '2017-06-08T09:00:00+08:00',
       '2017-06-15T09:00:00+08:00', $4, $5, 0, 0, true, true, '2017-06-15T09:00:00+08:00',
       '2017-06-22T09:00:00+08:00', '2017-06-22T09:00:00+08:00')
     RETURNING id`,
    [
      demo.associationId,
      JSON.stringify(DEFAULT_PARAMETERS),
      demo.adminId,
      households.length,
      voters.length,
    ],
  );
  const versionId = rows[0]!.id;
  for (const article of DEMO_ARTICLES) {
    await em.query(
      `INSERT INTO convention_article (version_id, number, text, parameters) VALUES ($1, $2, $3, $4)`,
      [versionId, article.number, article.text, article.parameters],
    );
  }
  await em.query(
    `INSERT INTO convention_vote (version_id, voter, household_id, cast_by, choice, cast_at)
     SELECT $1, h, h, m, 'yes', '2017-06-10T19:30:00+08:00'
       FROM unnest($2::uuid[], $3::uuid[]) AS t(h, m)`,
    [versionId, voters.map((h) => h.id), voters.map((h) => h.residentId)],
  );
  // Most residents signed at the meeting; the last few have not yet (the council follows up).
  const signed = households.slice(0, 30).map((h) => h.residentId);
  await em.query(
    `INSERT INTO convention_acknowledgement (version_id, member_id, acknowledged_at)
     SELECT $1, m, '2017-06-25T10:00:00+08:00' FROM unnest($2::uuid[]) AS m`,
    [versionId, [demo.adminId, ...signed]],
  );
  return { versionId };
}

/** The demo convention in force, which the violations' demo records cite. */
export const DEMO_CONVENTION = new DemoPart<{ versionId: string }>('conventions (version 1)');

export const conventionsDemoSeed = DemoSeed.provider({
  feature: 'conventions',
  order: 30,
  seed: async (demo) =>
    demo.provide(DEMO_CONVENTION, await seedConventionsDemo(demo.tx, demo.get(DEMO_LANE))),
});
