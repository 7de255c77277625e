import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { DAY_MS, startOfShanghaiDay } from '../common/shanghai-time';
import { rostersConfig } from '../config';
import { Transactions } from '../database/transactions';
import { DutyPeopleRepository } from './duty-people.repository';
import { DutyRequirementRepository } from './duty-requirement.repository';
import { DutyShiftRepository } from './duty-shift.repository';
import { MemberUnavailabilityRepository } from './member-unavailability.repository';
import { RosterGenerator } from './roster-generator';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import { ShiftTemplateRepository } from './shift-template.repository';
import { DemoSeed } from '../database/demo-seed';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
/** The demo's past: two weeks already worked, so the ledger and the roster look lived in. */
const WORKED_DAYS = 14;

/**
 * 下岗胡同's roster. What must be: one red armband on the lane around the clock (article 5,
 * "二十四小时轮流值守"), and two volunteers of the civility persuasion team (文明劝导, which
 * article 8 puts first) on an evening patrol on weekdays. How: the three hired wardens in 8-hour
 * shifts, the ten volunteers two at a time. Generated relative to `now`: the past two weeks, worked,
 * and the coming weeks as far ahead as the rolling roster keeps them.
 */
export async function seedRostersDemo(
  em: EntityManager,
  demo: AssociationDemo,
  now: Date,
): Promise<void> {
  const transactions = new Transactions(em.connection);
  const templates = new ShiftTemplateRepository(transactions);
  const requirements = new DutyRequirementRepository(transactions);
  const shifts = new DutyShiftRepository(transactions);
  const assignments = new ShiftAssignmentRepository(transactions);
  const generator = new RosterGenerator(
    templates,
    shifts,
    assignments,
    new MemberUnavailabilityRepository(transactions),
    new DutyPeopleRepository(transactions),
  );

  await requirements.insert(em, demo.associationId, {
    name: '红袖标全天值守',
    kind: 'warden',
    weekdays: EVERY_DAY,
    startMinute: 0,
    endMinute: 24 * 60,
    people: 1,
    articleNumber: 5,
  });
  await requirements.insert(em, demo.associationId, {
    name: '工作日晚间文明劝导巡逻',
    kind: 'volunteer',
    weekdays: WEEKDAYS,
    startMinute: 18 * 60,
    endMinute: 21 * 60,
    people: 2,
    articleNumber: 8,
  });

  const shiftTemplates: [string, 'warden' | 'volunteer', number, number, number[], number][] = [
    ['夜班', 'warden', 0, 480, EVERY_DAY, 1],
    ['白班', 'warden', 8 * 60, 480, EVERY_DAY, 1],
    ['晚班', 'warden', 16 * 60, 480, EVERY_DAY, 1],
    ['晚间巡逻', 'volunteer', 18 * 60, 180, WEEKDAYS, 2],
  ];
  for (const [name, kind, startMinute, durationMinutes, weekdays, minOnDuty] of shiftTemplates) {
    await templates.insert(em, {
      associationId: demo.associationId,
      name,
      kind,
      startMinute,
      durationMinutes,
      weekdays,
      minOnDuty,
      laneIds: [demo.laneId],
      active: true,
    });
  }

  const today = startOfShanghaiDay(now).getTime();
  await generator.generate(em, demo.associationId, {
    from: new Date(today - WORKED_DAYS * DAY_MS),
    to: new Date(today + rostersConfig().generateAheadDays * DAY_MS),
  });
  await assignments.markWorkedBefore(em, demo.associationId, now);
}

export const rostersDemoSeed = DemoSeed.provider({
  feature: 'rosters',
  order: 40,
  seed: (demo) => seedRostersDemo(demo.tx, demo.get(DEMO_LANE), demo.now),
});
