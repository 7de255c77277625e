// The rule parameters a parking convention (自治公约) sets, declared once for the server (which
// validates and enforces them: src/conventions/parameter-rules.ts, ConventionRulesService) and
// the council's editor in the web client. Pure: no Nest, no DOM, no node builtins.

export const PENALTY_ACTIONS = ['persuasion', 'notice', 'suspension'] as const;
export type PenaltyAction = (typeof PENALTY_ACTIONS)[number];

export interface PenaltyStep {
  /** 1 for the first violation, 2 for the second within `withinDays`, ... */
  step: number;
  withinDays: number;
  action: PenaltyAction;
  /** For 'suspension': how long the permit is suspended. */
  suspensionDays?: number;
}

export interface TimeWindow {
  /** "HH:MM" in Asia/Shanghai; a window may cross midnight (from > to). */
  from: string;
  to: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun); all days when omitted. */
  days?: number[];
  reason: string;
}

/**
 * A priority tier of admission to standing places (优先): drawn before those in no tier, tiers in
 * the order the convention lists them, e.g. drivers with a disability, households over 80.
 */
export interface PriorityTier {
  /** Stable key a registration carries, e.g. "disability". */
  key: string;
  /** As the convention names it, e.g. "残疾人驾驶员". */
  label: string;
}

export interface ConventionParameters {
  vehiclesPerHousehold: number;
  visitorPassesPerMonth: number;
  visitorPassMaxHours: number;
  /** Monthly fee for a resident permit in CNY; 0 when there is none. */
  monthlyFeeCny: number;
  standingAllocationOnePerHousehold: boolean;
  noParkingWindows: TimeWindow[];
  /** Minutes after a shared car park's must-leave-by time before an overstay is flagged. */
  sharedGraceMinutes: number;
  wardenSwapsWithoutApproval: boolean;
  violationsOnlyByWardensOnDuty: boolean;
  penaltyLadder: PenaltyStep[];
  /**
   * A resident's own registration of a car, or change to its plate, waits for the council's
   * approval (登记审核) rather than entering the register at once.
   */
  vehicleChangesNeedApproval: boolean;
  /** Priority tiers of a lottery for standing places, first first (src/sharing/lottery.ts). */
  priorityTiers: PriorityTier[];
  /**
   * 轮换: where cars outnumber standing places, places are held this many months and redrawn,
   * those who held one stepping behind those who did not; 0: no rotation, places are kept.
   */
  rotationPeriodMonths: number;
}

export type ParameterName = keyof ConventionParameters;

/** The whole numbers, with their bounds (inclusive), in the order the council's editor shows them. */
export const INTEGER_LIMITS = {
  vehiclesPerHousehold: [0, 10],
  visitorPassesPerMonth: [0, 100],
  visitorPassMaxHours: [1, 24 * 7],
  monthlyFeeCny: [0, 10_000],
  sharedGraceMinutes: [0, 240],
  rotationPeriodMonths: [0, 24],
} as const satisfies Partial<Record<ParameterName, readonly [number, number]>>;

export type IntegerParameter = keyof typeof INTEGER_LIMITS;
export const INTEGER_PARAMETERS = Object.keys(INTEGER_LIMITS) as IntegerParameter[];

export const BOOLEAN_PARAMETERS = [
  'standingAllocationOnePerHousehold',
  'wardenSwapsWithoutApproval',
  'violationsOnlyByWardensOnDuty',
  'vehicleChangesNeedApproval',
] as const satisfies readonly ParameterName[];
export type BooleanParameter = (typeof BOOLEAN_PARAMETERS)[number];

/** Every parameter, in the order the convention's rules declare them. */
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
  'vehicleChangesNeedApproval',
  'priorityTiers',
  'rotationPeriodMonths',
];

export function isParameterName(name: string): name is ParameterName {
  return (PARAMETER_NAMES as readonly string[]).includes(name);
}

/** Bounds of the lists and their rows (a draft outside them is refused, field by field). */
export const PARAMETER_LIMITS = {
  noParkingWindows: 10,
  penaltySteps: 10,
  priorityTiers: 10,
  /** A penalty step's window, in days. */
  withinDays: [1, 730],
  suspensionDays: [1, 365],
  windowReasonLength: 120,
  tierLabelLength: 40,
} as const;

/** "HH:MM", 00:00 to 23:59. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A priority tier's key: a-z, 0-9 and _, starting with a letter. */
export const TIER_KEY = /^[a-z][a-z0-9_]{0,31}$/;

/** What applies before any convention is in force: the common practice of Beijing lane conventions. */
export const DEFAULT_PARAMETERS: ConventionParameters = {
  vehiclesPerHousehold: 1,
  visitorPassesPerMonth: 4,
  visitorPassMaxHours: 24,
  monthlyFeeCny: 0,
  standingAllocationOnePerHousehold: true,
  noParkingWindows: [],
  sharedGraceMinutes: 15,
  wardenSwapsWithoutApproval: false,
  violationsOnlyByWardensOnDuty: false,
  penaltyLadder: [
    { step: 1, withinDays: 90, action: 'persuasion' },
    { step: 2, withinDays: 90, action: 'notice' },
    { step: 3, withinDays: 90, action: 'suspension', suspensionDays: 7 },
  ],
  vehicleChangesNeedApproval: false,
  priorityTiers: [
    { key: 'disability', label: '残疾人驾驶员' },
    { key: 'over_80', label: '八十岁以上老人户' },
  ],
  rotationPeriodMonths: 1,
};
