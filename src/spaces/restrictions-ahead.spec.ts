import { restrictionsAhead } from './restrictions-ahead';

// 2026-11-30 is a Monday; times are Beijing (UTC+8).
const at = (iso: string) => new Date(`${iso}+08:00`);
const refuseTruck = { id: 'r1', from: '07:00', to: '09:00', days: null, reason: '垃圾车清运' };

describe('restrictions ahead of a check-in', () => {
  it('warns at 19:33 that the refuse truck needs the space at 07:00 tomorrow', () => {
    expect(restrictionsAhead({ restrictions: [refuseTruck] }, [], at('2026-11-30T19:33'))).toEqual([
      {
        reason: 'restriction',
        from: at('2026-12-01T07:00'),
        to: at('2026-12-01T09:00'),
        article: null,
        note: '垃圾车清运',
      },
    ]);
  });

  it('looks twelve hours ahead, no further (the issue asks for 12 hours: 17:33 is 13½ away)', () => {
    expect(restrictionsAhead({ restrictions: [refuseTruck] }, [], at('2026-11-30T17:33'))).toEqual(
      [],
    );
    expect(restrictionsAhead({ restrictions: [refuseTruck] }, [], at('2026-11-30T18:59'))).toEqual(
      [],
    );
    expect(
      restrictionsAhead({ restrictions: [refuseTruck] }, [], at('2026-11-30T19:00')),
    ).toHaveLength(1);
  });

  it('a window already in force is the check-in refusal, not a warning', () => {
    expect(restrictionsAhead({ restrictions: [refuseTruck] }, [], at('2026-11-30T07:00'))).toEqual(
      [],
    );
  });

  it('keeps to the weekdays a window starts on', () => {
    const tuesdays = { ...refuseTruck, days: [2] };
    const sundays = { ...refuseTruck, days: [7] };
    const now = at('2026-11-30T20:00');
    expect(restrictionsAhead({ restrictions: [tuesdays] }, [], now)).toHaveLength(1);
    expect(restrictionsAhead({ restrictions: [sundays] }, [], now)).toEqual([]);
  });

  it("names the convention's article, soonest first, across midnight", () => {
    const nightMarket = { from: '22:00', to: '02:00', reason: '夜市', article: 6 };
    const ahead = restrictionsAhead(
      { restrictions: [refuseTruck] },
      [nightMarket],
      at('2026-11-30T21:00'),
    );
    expect(ahead.map((a) => [a.reason, a.from, a.to, a.article])).toEqual([
      ['no_parking_hours', at('2026-11-30T22:00'), at('2026-12-01T02:00'), 6],
      ['restriction', at('2026-12-01T07:00'), at('2026-12-01T09:00'), null],
    ]);
  });
});
