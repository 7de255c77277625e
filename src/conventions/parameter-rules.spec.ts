import { DEFAULT_PARAMETERS } from './convention-parameters';
import {
  ladderProblems,
  linkProblems,
  PARAMETER_NAMES,
  parameterProblems,
} from './parameter-rules';

const valid = { ...DEFAULT_PARAMETERS } as unknown as Record<string, unknown>;

describe('convention parameters', () => {
  it('the defaults are valid', () => {
    expect(parameterProblems(valid)).toEqual([]);
  });

  it('a quota must be a non-negative integer', () => {
    expect(parameterProblems({ ...valid, visitorPassesPerMonth: -1 })).toEqual([
      {
        field: 'visitorPassesPerMonth',
        reason: 'draft.integer_range',
        params: { min: 0, max: 100 },
      },
    ]);
    expect(parameterProblems({ ...valid, visitorPassesPerMonth: 2.5 })).toHaveLength(1);
    expect(parameterProblems({ ...valid, vehiclesPerHousehold: '1' })).toHaveLength(1);
    expect(parameterProblems({ ...valid, visitorPassesPerMonth: 0 })).toEqual([]);
  });

  it('a window is a valid HH:MM range with a reason', () => {
    const window = { from: '22:00', to: '06:00', reason: '夜间消防通道' };
    expect(parameterProblems({ ...valid, noParkingWindows: [window] })).toEqual([]);
    expect(
      parameterProblems({ ...valid, noParkingWindows: [{ ...window, from: '24:00' }] }),
    ).toHaveLength(1);
    expect(
      parameterProblems({ ...valid, noParkingWindows: [{ ...window, to: '22:00' }] }),
    ).toHaveLength(1);
    expect(
      parameterProblems({ ...valid, noParkingWindows: [{ ...window, days: [0, 8] }] }),
    ).toHaveLength(1);
    expect(
      parameterProblems({ ...valid, noParkingWindows: [{ ...window, reason: '' }] }),
    ).toHaveLength(1);
  });

  it('booleans are booleans and unknown names are refused', () => {
    expect(parameterProblems({ ...valid, wardenSwapsWithoutApproval: 'yes' })).toHaveLength(1);
    expect(parameterProblems({ ...valid, parkingForFree: true })).toEqual([
      { field: 'parkingForFree', reason: 'draft.parameter_unknown' },
    ]);
  });

  it('a ladder starts with persuasion and numbers its steps in order', () => {
    expect(ladderProblems(DEFAULT_PARAMETERS.penaltyLadder)).toEqual([]);
    expect(ladderProblems([])).toHaveLength(1);
    expect(ladderProblems([{ step: 1, withinDays: 90, action: 'notice' }])).toEqual([
      { field: 'penaltyLadder[0].action', reason: 'draft.persuasion_first' },
    ]);
    expect(
      ladderProblems([
        { step: 1, withinDays: 90, action: 'persuasion' },
        { step: 3, withinDays: 90, action: 'notice' },
      ]),
    ).toHaveLength(1);
    expect(
      ladderProblems([
        { step: 1, withinDays: 90, action: 'persuasion' },
        { step: 2, withinDays: 90, action: 'suspension' },
      ]),
    ).toEqual([
      {
        field: 'penaltyLadder[1].suspensionDays',
        reason: 'draft.integer_range',
        params: { min: 1, max: 365 },
      },
    ]);
    expect(
      ladderProblems([{ step: 1, withinDays: 0, action: 'persuasion', suspensionDays: 3 }]),
    ).toHaveLength(2);
  });

  it('every parameter is stated by exactly one article', () => {
    const all = [{ number: 1, parameters: [...PARAMETER_NAMES] }];
    expect(linkProblems(all)).toEqual([]);
    expect(linkProblems([{ number: 1, parameters: ['vehiclesPerHousehold'] }]).length).toBe(
      PARAMETER_NAMES.length - 1,
    );
    expect(linkProblems([...all, { number: 2, parameters: ['vehiclesPerHousehold'] }])).toEqual([
      {
        field: 'vehiclesPerHousehold',
        reason: 'draft.parameter_stated_twice',
        params: { parameter: 'vehiclesPerHousehold', number: 2 },
      },
    ]);
    expect(linkProblems([...all, { number: 1, parameters: [] }])).toEqual([
      { field: 'articles', reason: 'draft.article_repeated', params: { number: 1 } },
    ]);
  });
});
