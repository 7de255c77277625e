import { DEFAULT_PARAMETERS, type PenaltyStep } from './convention-parameters';
import { penaltyStepFor, suspensionEnds } from './penalty-ladder';

const ladder = DEFAULT_PARAMETERS.penaltyLadder;
const at = new Date('2025-06-01T10:00:00+08:00');
const daysBefore = (n: number) => new Date(at.getTime() - n * 86_400_000);

describe('penalty ladder', () => {
  it('a first violation is civil persuasion', () => {
    expect(penaltyStepFor(ladder, [], at).action).toBe('persuasion');
  });

  it('a second within 90 days is a written notice', () => {
    expect(penaltyStepFor(ladder, [daysBefore(30)], at).action).toBe('notice');
  });

  it('a third within 90 days suspends the permit for 7 days', () => {
    const step = penaltyStepFor(ladder, [daysBefore(60), daysBefore(10)], at);
    expect(step).toMatchObject({ action: 'suspension', suspensionDays: 7 });
    expect(suspensionEnds(step, at)).toEqual(new Date(at.getTime() + 7 * 86_400_000));
  });

  it('violations older than the window are forgiven', () => {
    expect(penaltyStepFor(ladder, [daysBefore(91)], at).action).toBe('persuasion');
    expect(penaltyStepFor(ladder, [daysBefore(120), daysBefore(5)], at).action).toBe('notice');
  });

  it('exactly on the window edge still counts', () => {
    expect(penaltyStepFor(ladder, [daysBefore(90)], at).action).toBe('notice');
  });

  it('beyond the last step the last step repeats', () => {
    const priors = [daysBefore(1), daysBefore(2), daysBefore(3), daysBefore(4)];
    expect(penaltyStepFor(ladder, priors, at).action).toBe('suspension');
  });

  it('each step reads its own window', () => {
    const custom: PenaltyStep[] = [
      { step: 1, withinDays: 30, action: 'persuasion' },
      { step: 2, withinDays: 30, action: 'notice' },
      { step: 3, withinDays: 365, action: 'suspension', suspensionDays: 3 },
    ];
    // Two earlier violations 200 and 100 days ago: too old for a notice, recent enough for step 3.
    expect(penaltyStepFor(custom, [daysBefore(200), daysBefore(100)], at).action).toBe(
      'suspension',
    );
    expect(penaltyStepFor(custom, [daysBefore(100)], at).action).toBe('persuasion');
  });

  it('violations after the moment considered do not count', () => {
    expect(penaltyStepFor(ladder, [new Date(at.getTime() + 1000)], at).action).toBe('persuasion');
  });

  it('a persuasion step has no suspension end', () => {
    expect(suspensionEnds(ladder[0]!, at)).toBeNull();
  });
});
