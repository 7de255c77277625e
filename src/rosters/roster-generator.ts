// Generates and saves a roster for a period inside the caller's transaction. Used by the
// council's "generate", the rolling job and the demo seed, so all follow the same rules.

import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { DAY_MS, shanghaiDays } from '../common/shanghai-time';
import type { Tx } from '../database/transactions';
import type { Interval } from './coverage';
import { DutyPeopleRepository } from './duty-people.repository';
import { DutyShiftRepository } from './duty-shift.repository';
import { planRoster, type RosterPlan, type TemplateForPlan } from './generation';
import { MemberUnavailabilityRepository } from './member-unavailability.repository';
import { isHiredWarden } from './rosters.policy';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import { ShiftTemplateRepository } from './shift-template.repository';

export interface GeneratedRoster {
  plan: RosterPlan;
  names: Map<string, string>;
  shifts: number;
  assignments: number;
}

/** How far back the minutes people served count toward a fair spread of new shifts. */
const FAIRNESS_LOOKBACK_MS = 28 * DAY_MS;

@Injectable()
export class RosterGenerator {
  constructor(
    private readonly templates: ShiftTemplateRepository,
    private readonly shifts: DutyShiftRepository,
    private readonly assignments: ShiftAssignmentRepository,
    private readonly unavailability: MemberUnavailabilityRepository,
    private readonly people: DutyPeopleRepository,
  ) {}

  /** The council's generate: the whole period, refused if any of it was generated before. */
  async generate(tx: Tx, associationId: string, period: Interval): Promise<GeneratedRoster> {
    await this.shifts.lockGeneration(tx, associationId);
    const templates = await this.templates.activeForPlan(tx, associationId);
    if (templates.length === 0) throw new DomainError('roster.no_templates');
    if (await this.shifts.hasGeneratedIn(tx, associationId, period)) {
      throw new DomainError('roster.already_generated');
    }
    return this.planAndSave(tx, associationId, period, templates);
  }

  /**
   * The rolling job: generates each day of the period that has no generated shift yet, leaving
   * out the shifts already over by `now`. Returns how many shifts it added.
   */
  async fillMissingDays(
    tx: Tx,
    associationId: string,
    period: Interval,
    now: Date,
  ): Promise<number> {
    await this.shifts.lockGeneration(tx, associationId);
    const templates = await this.templates.activeForPlan(tx, associationId);
    if (templates.length === 0) return 0;
    const generated = await this.shifts.generatedDays(tx, associationId, period);
    let added = 0;
    for (const run of missingRuns(period, generated)) {
      added += (await this.planAndSave(tx, associationId, run, templates, now)).shifts;
    }
    return added;
  }

  private async planAndSave(
    tx: Tx,
    associationId: string,
    period: Interval,
    templates: TemplateForPlan[],
    skipEndedBy?: Date,
  ): Promise<GeneratedRoster> {
    const people = await this.people.candidates(tx, associationId);
    // Shifts reaching into the period from either side still keep their people busy.
    const around = {
      from: new Date(period.from.getTime() - DAY_MS),
      to: new Date(period.to.getTime() + DAY_MS),
    };
    const busy = [
      ...(await this.unavailability.busyIn(tx, associationId, around)),
      ...(await this.assignments.busyIn(tx, associationId, around)),
    ];
    const priorMinutes = await this.assignments.minutesIn(tx, associationId, {
      from: new Date(period.from.getTime() - FAIRNESS_LOOKBACK_MS),
      to: period.from,
    });
    const plan = planRoster({
      period,
      templates,
      wardenIds: people.filter(isHiredWarden).map((p) => p.id),
      volunteerIds: people.filter((p) => !isHiredWarden(p) && p.volunteer).map((p) => p.id),
      busy,
      priorMinutes,
      skipEndedBy,
    });

    const saved = await this.shifts.insertFromTemplates(
      tx,
      associationId,
      plan.shifts.map((s) => ({ templateId: s.templateId, startsAt: s.from })),
    );
    const shiftIds = new Map(saved.map((s) => [`${s.template_id}|${s.starts_at.getTime()}`, s.id]));
    const seats = plan.shifts.flatMap((s) =>
      s.memberIds.map((memberId) => ({
        shiftId: shiftIds.get(`${s.templateId}|${s.from.getTime()}`)!,
        memberId,
      })),
    );
    await this.assignments.insertMany(tx, associationId, seats);
    return {
      plan,
      names: new Map(people.map((p) => [p.id, p.name])),
      shifts: saved.length,
      assignments: seats.length,
    };
  }
}

/** The stretches of consecutive Beijing days of a period whose start is not in `generated`. */
export function missingRuns(period: Interval, generated: ReadonlySet<number>): Interval[] {
  const runs: Interval[] = [];
  for (const day of shanghaiDays(period.from, period.to)) {
    if (generated.has(day.getTime())) continue;
    const last = runs.at(-1);
    if (last && last.to.getTime() === day.getTime()) {
      last.to = new Date(day.getTime() + DAY_MS);
    } else {
      runs.push({ from: day, to: new Date(day.getTime() + DAY_MS) });
    }
  }
  return runs;
}
