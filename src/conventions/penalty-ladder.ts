// Which step of the convention's penalty ladder a new violation reaches. Pure.
//
// Step k (k ≥ 2) applies when at least k − 1 earlier violations of the same household (or
// vehicle) fall within that step's `withinDays` before this one; the highest such step wins.
// Otherwise the violation is a first one: civil persuasion (劝导), recorded only. Beyond the
// last step the last step repeats (a fourth violation is again a suspension).
import type { PenaltyStep } from './convention-parameters';

const DAY_MS = 24 * 60 * 60 * 1000;

export function penaltyStepFor(
  ladder: readonly PenaltyStep[],
  priorViolations: readonly Date[],
  at: Date,
): PenaltyStep {
  const first = ladder[0];
  if (!first) throw new Error('a penalty ladder has at least one step');
  for (let k = ladder.length; k >= 2; k--) {
    const step = ladder[k - 1]!;
    const since = at.getTime() - step.withinDays * DAY_MS;
    const recent = priorViolations.filter((d) => d.getTime() >= since && d <= at).length;
    if (recent >= k - 1) return step;
  }
  return first;
}

/** When a suspension decided at `at` ends. */
export function suspensionEnds(step: PenaltyStep, at: Date): Date | null {
  if (step.action !== 'suspension') return null;
  return new Date(at.getTime() + (step.suspensionDays ?? 7) * DAY_MS);
}
