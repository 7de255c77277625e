// Validation of the rule parameters a draft proposes, and of the links between parameters and
// articles. Pure: no Nest, no TypeORM. A version that reaches the vote is always well-formed.
import type {
  ConventionParameters,
  ParameterName,
  PenaltyStep,
  TimeWindow,
} from './convention-parameters';

export const PARAMETER_NAMES: readonly ParameterName[] = [
  'vehiclesPerHousehold',
  'visitorPassesPerMonth',
  'visitorPassMaxHours',
  'monthlyFeeCny',
  'standingAllocationOnePerHousehold',
  'noParkingWindows',
  'sharedGraceMinutes',
  'wardenSwapsWithoutApproval',
  'violationsOnlyByWardensOnDuty',
  'penaltyLadder',
];

const INTEGER_LIMITS: Partial<Record<ParameterName, [number, number]>> = {
  vehiclesPerHousehold: [0, 10],
  visitorPassesPerMonth: [0, 100],
  visitorPassMaxHours: [1, 24 * 7],
  monthlyFeeCny: [0, 10_000],
  sharedGraceMinutes: [0, 240],
};
const BOOLEANS: readonly ParameterName[] = [
  'standingAllocationOnePerHousehold',
  'wardenSwapsWithoutApproval',
  'violationsOnlyByWardensOnDuty',
];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ACTIONS = ['persuasion', 'notice', 'suspension'];

export function isParameterName(name: string): name is ParameterName {
  return (PARAMETER_NAMES as readonly string[]).includes(name);
}

/** Problems with a full parameter set, each naming the parameter; empty when it is valid. */
export function parameterProblems(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!isParameterName(key)) problems.push(`${key}: 未知参数 / unknown parameter`);
  }
  for (const [name, [min, max]] of Object.entries(INTEGER_LIMITS)) {
    const value = input[name];
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      problems.push(
        `${name}: 应为 ${min}–${max} 的整数 / must be an integer from ${min} to ${max}`,
      );
    }
  }
  for (const name of BOOLEANS) {
    if (typeof input[name] !== 'boolean') problems.push(`${name}: 应为是/否 / must be a boolean`);
  }
  problems.push(...windowProblems(input.noParkingWindows));
  problems.push(...ladderProblems(input.penaltyLadder));
  return problems;
}

function windowProblems(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 10) {
    return ['noParkingWindows: 应为至多10个时段的列表 / must be a list of at most 10 windows'];
  }
  return value.flatMap((raw: unknown, i) => {
    const w = (raw ?? {}) as Partial<Record<keyof TimeWindow, unknown>>;
    const at = `noParkingWindows[${i}]`;
    const problems: string[] = [];
    if (
      typeof w.from !== 'string' ||
      !HHMM.test(w.from) ||
      typeof w.to !== 'string' ||
      !HHMM.test(w.to)
    ) {
      problems.push(`${at}: 时间应为 HH:MM / from and to must be HH:MM`);
    } else if (w.from === w.to) {
      problems.push(`${at}: 起止时间相同 / from and to must differ`);
    }
    if (
      w.days !== undefined &&
      (!Array.isArray(w.days) ||
        w.days.length === 0 ||
        w.days.some((d) => !Number.isInteger(d) || (d as number) < 1 || (d as number) > 7) ||
        new Set(w.days).size !== w.days.length)
    ) {
      problems.push(`${at}: 星期应为1–7且不重复 / days must be distinct weekdays 1–7`);
    }
    if (typeof w.reason !== 'string' || w.reason.length < 1 || w.reason.length > 120) {
      problems.push(`${at}: 请写明原因 / reason must be 1–120 characters`);
    }
    const extra = Object.keys(w).filter((k) => !['from', 'to', 'days', 'reason'].includes(k));
    if (extra.length) problems.push(`${at}: 未知字段 / unknown fields ${extra.join(', ')}`);
    return problems;
  });
}

/**
 * A well-formed ladder: steps numbered 1..n in order, each with a positive window, persuasion
 * first (劝导在先), and a suspension length only (and always) on suspension steps.
 */
export function ladderProblems(value: unknown): string[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 10) {
    return ['penaltyLadder: 应为1–10级 / must have 1 to 10 steps'];
  }
  const problems: string[] = [];
  value.forEach((raw: unknown, i) => {
    const s = (raw ?? {}) as Partial<Record<keyof PenaltyStep, unknown>>;
    const at = `penaltyLadder[${i}]`;
    if (s.step !== i + 1) problems.push(`${at}: 级数应为 ${i + 1} / step must be ${i + 1}`);
    if (
      !Number.isInteger(s.withinDays) ||
      (s.withinDays as number) < 1 ||
      (s.withinDays as number) > 730
    ) {
      problems.push(
        `${at}: withinDays 应为 1–730 的整数 / withinDays must be an integer from 1 to 730`,
      );
    }
    if (typeof s.action !== 'string' || !ACTIONS.includes(s.action)) {
      problems.push(
        `${at}: 处理方式应为 ${ACTIONS.join('/')} / action must be one of ${ACTIONS.join(', ')}`,
      );
    }
    if (s.action === 'suspension') {
      if (
        !Number.isInteger(s.suspensionDays) ||
        (s.suspensionDays as number) < 1 ||
        (s.suspensionDays as number) > 365
      ) {
        problems.push(
          `${at}: 暂停天数应为 1–365 / suspensionDays must be an integer from 1 to 365`,
        );
      }
    } else if (s.suspensionDays !== undefined) {
      problems.push(`${at}: 仅暂停可设天数 / suspensionDays only on a suspension step`);
    }
    const extra = Object.keys(s).filter(
      (k) => !['step', 'withinDays', 'action', 'suspensionDays'].includes(k),
    );
    if (extra.length) problems.push(`${at}: 未知字段 / unknown fields ${extra.join(', ')}`);
  });
  const first = (value[0] ?? {}) as { action?: unknown };
  if (first.action !== 'persuasion') {
    problems.push('penaltyLadder[0]: 第一次应为劝导 / the first step must be persuasion');
  }
  return problems;
}

export interface ArticleLink {
  number: number;
  parameters: string[];
}

/** Every parameter is stated by exactly one article, and articles name only real parameters. */
export function linkProblems(articles: readonly ArticleLink[]): string[] {
  const problems: string[] = [];
  const numbers = new Set<number>();
  const stated = new Map<string, number>();
  for (const article of articles) {
    if (numbers.has(article.number)) {
      problems.push(`第${article.number}条重复 / article ${article.number} appears twice`);
    }
    numbers.add(article.number);
    for (const name of article.parameters) {
      if (!isParameterName(name)) {
        problems.push(`article ${article.number}: ${name}: 未知参数 / unknown parameter`);
      } else if (stated.has(name)) {
        problems.push(
          `${name}: 同时见于第${stated.get(name)}条和第${article.number}条 / stated by two articles`,
        );
      } else stated.set(name, article.number);
    }
  }
  for (const name of PARAMETER_NAMES) {
    if (!stated.has(name)) {
      problems.push(`${name}: 未关联条款 / no article states this parameter`);
    }
  }
  return problems;
}

/** Narrows after parameterProblems() returned nothing. */
export function asParameters(input: Record<string, unknown>): ConventionParameters {
  return input as unknown as ConventionParameters;
}
