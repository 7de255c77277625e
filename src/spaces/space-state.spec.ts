import fc from 'fast-check';
import type { RestrictionRecord, SpaceRecord } from './space-record';
import {
  availabilityNow,
  type ConventionWindow,
  freeBetween,
  isLive,
  type MapContext,
  SPACE_STATES,
  stateOf,
} from './space-state';
import { PUBLIC_READER, STAFF_READER, toLaneSnapshot, toSpaceView } from './space-views';

// 2025-05-05 was a Monday; 00:00 in Beijing is 16:00 UTC the day before.
const beijing = (iso: string) => new Date(`${iso}+08:00`);
const MONDAY = beijing('2025-05-05T00:00:00').getTime();
const MINUTE = 60_000;

let ids = 0;
function space(overrides: Partial<SpaceRecord> = {}): SpaceRecord {
  ids += 1;
  return {
    id: `space-${ids}`,
    associationId: 'a',
    laneId: 'lane',
    code: `XG-${String(ids).padStart(2, '0')}`,
    x: 0,
    y: 0,
    angle: 0,
    chainageFrom: 0,
    chainageTo: 5.5,
    side: -1,
    sizeClass: 'standard',
    kind: 'self_made',
    householdId: null,
    availability: 'open',
    closedReason: null,
    consent: 'approved',
    objectionUntil: null,
    objections: 0,
    undecidedObjections: 0,
    stickerToken: 'x',
    restrictions: [],
    occupant: null,
    ...overrides,
  };
}

const refuseTruck: RestrictionRecord = {
  id: 'r',
  from: '07:00',
  to: '09:00',
  days: null,
  reason: '垃圾清运车停靠',
};

describe('the state of a space', () => {
  const at = (iso: string): MapContext => ({ now: beijing(iso), conventionWindows: [] });

  it('an empty space under its no-parking window is closed until the window ends', () => {
    const xg39 = space({ restrictions: [refuseTruck] });
    expect(stateOf(xg39, at('2025-05-06T07:30:00'))).toBe('closed');
    expect(stateOf(xg39, at('2025-05-06T09:00:00'))).toBe('free');
    // A car parked there is still a car parked there.
    const parked = space({
      restrictions: [refuseTruck],
      occupant: {
        sessionId: 's',
        plate: '京A12345',
        vehicleId: null,
        householdId: null,
        since: new Date(0),
      },
    });
    expect(stateOf(parked, at('2025-05-06T07:30:00'))).toBe('occupied');
  });

  it('the convention’s window closes every empty space of the association', () => {
    const window: ConventionWindow = {
      from: '22:00',
      to: '06:00',
      days: null,
      reason: '第五条: 夜间禁停 / no night parking',
      article: 5,
    };
    const context = { now: beijing('2025-05-06T23:00:00'), conventionWindows: [window] };
    expect(stateOf(space(), context)).toBe('closed');
  });

  it('a restriction now does not hide the space from an evening window it does not touch', () => {
    const xg39 = space({ restrictions: [refuseTruck] });
    const context = at('2025-05-06T07:30:00');
    const from = beijing('2025-05-06T19:00:00');
    const to = beijing('2025-05-06T23:00:00');
    expect(freeBetween(xg39, context, from, to)).toBe(true);
  });

  it('XG-39 restricted: the count of free spaces and the list of free spaces agree', () => {
    const lane = [space(), space({ restrictions: [refuseTruck] }), space()];
    const { counts, free } = availabilityNow(lane, at('2025-05-06T07:30:00'));
    expect(counts.free).toBe(2);
    expect(free.map((s) => s.id)).toEqual([lane[0]!.id, lane[2]!.id]);
  });
});

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const days = fc.option(
  fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  { nil: null },
);
const window = fc
  .record({ from: hhmm, to: hhmm, days, reason: fc.constantFrom('refuse truck', 'night works') })
  .filter((w) => w.from !== w.to);
/** Minutes into the test week (and a little past it, for windows crossing Sunday night). */
const minute = fc.integer({ min: 0, max: 8 * 1440 });

const spaceRecord = fc
  .record({
    kind: fc.constantFrom('self_made' as const, 'shared' as const),
    availability: fc.constantFrom('open' as const, 'reserved' as const, 'closed' as const),
    consent: fc.constantFrom('approved' as const, 'pending' as const),
    objections: fc.integer({ min: 0, max: 2 }),
    undecided: fc.integer({ min: 0, max: 2 }),
    objectionMinute: fc.option(minute, { nil: null }),
    parked: fc.boolean(),
    restrictions: fc.array(window, { maxLength: 3 }),
  })
  .map((r) =>
    space({
      kind: r.kind,
      availability: r.availability,
      consent: r.consent,
      objections: r.objections,
      undecidedObjections: Math.min(r.undecided, r.objections),
      objectionUntil:
        r.objectionMinute === null ? null : new Date(MONDAY + r.objectionMinute * MINUTE),
      occupant: r.parked
        ? {
            sessionId: 's',
            plate: '京A12345',
            vehicleId: 'v',
            householdId: 'h',
            since: new Date(MONDAY),
          }
        : null,
      restrictions: r.restrictions.map((w, i) => ({ id: `r${i}`, ...w })),
    }),
  );
const conventionWindows = fc.array(
  window.map((w): ConventionWindow => ({ ...w, article: 5 })),
  { maxLength: 2 },
);

describe('a newly painted space and its neighbours', () => {
  const until = new Date('2026-12-07T12:00:00+08:00');
  const before = new Date('2026-12-05T12:00:00+08:00');
  const after = new Date('2026-12-07T12:01:00+08:00');
  const pending = (objections: number, undecided: number) =>
    space({
      consent: 'pending',
      objections,
      undecidedObjections: undecided,
      objectionUntil: until,
    });

  it('is not used while the window runs, even when every objection so far is dismissed', () => {
    expect(isLive(pending(0, 0), before)).toBe(false);
    expect(isLive(pending(1, 0), before)).toBe(false);
  });

  it('goes live when the window closes with every objection answered and dismissed', () => {
    expect(isLive(pending(0, 0), after)).toBe(true);
    expect(isLive(pending(2, 0), after)).toBe(true);
  });

  it('waits for the council while an objection is unanswered, window closed or not', () => {
    expect(isLive(pending(1, 1), after)).toBe(false);
  });
});

describe('one truth about free spaces (property)', () => {
  it('at every moment, counts, lists, snapshots and pushes say the same free spaces', () => {
    fc.assert(
      fc.property(
        fc.array(spaceRecord, { maxLength: 30 }),
        conventionWindows,
        minute,
        fc.integer({ min: 0, max: 59 }),
        (lane, windows, at, seconds) => {
          const now = new Date(MONDAY + at * MINUTE + seconds * 1000);
          const context: MapContext = { now, conventionWindows: windows };
          const { counts, free } = availabilityNow(lane, context);

          // The count is the list (availability's `counts.free` and `freeSpaces`).
          expect(free).toHaveLength(counts.free);
          expect(SPACE_STATES.reduce((sum, s) => sum + counts[s], 0)).toBe(lane.length);
          expect(counts.total).toBe(lane.length);
          expect(counts.byKind.self_made.free + counts.byKind.shared.free).toBe(counts.free);

          // "Free now" asked as a window of the next minute is the same list.
          const nextMinute = new Date(now.getTime() + MINUTE);
          const asWindow = lane.filter((s) => freeBetween(s, context, now, nextMinute));
          expect(asWindow.map((s) => s.id)).toEqual(free.map((s) => s.id));

          // The map, the snapshot and a push draw the same states, for every reader.
          for (const reader of [STAFF_READER, PUBLIC_READER]) {
            const snapshot = toLaneSnapshot('lane', 1, lane, reader, context);
            expect(snapshot.counts).toEqual(counts);
            const drawnFree = snapshot.spaces.filter((s) => s.state === 'free');
            expect(drawnFree.map((s) => s.id)).toEqual(free.map((s) => s.id));
            for (const view of drawnFree) {
              expect(view.restrictedNow).toBeNull();
              expect(view.occupant).toBeNull();
            }
          }
          for (const s of lane) {
            expect(toSpaceView(s, PUBLIC_READER, context).state).toBe(stateOf(s, context));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
