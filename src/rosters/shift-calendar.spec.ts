import type { AssignmentView, MyShiftView } from './dto/roster.view';
import { shiftCalendar } from './shift-calendar';

const place = (id: string, memberName: string): AssignmentView => ({
  id,
  shiftId: 'shift',
  memberId: `m-${id}`,
  memberName,
  attendance: 'upcoming',
  late: false,
  signedInAt: null,
  signedOutAt: null,
});

/** RFC 5545 3.1: a long line continues on the next line after CRLF and one space. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** RFC 5545 3.3.11: the TEXT value as written, with \\ \; \, \n turned back. */
function textValue(ics: string, property: string): string {
  const line = unfold(ics)
    .split('\r\n')
    .find((l) => l.startsWith(`${property}:`));
  if (!line) throw new Error(`no ${property}`);
  const raw = line.slice(property.length + 1);
  // Every ; and , in the raw value is escaped, so none can split the value into parts.
  expect(raw.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[;,\\]/);
  return raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('the iCalendar of my shifts', () => {
  const hostile = '=HYPERLINK("http://x","y"); DTSTART:19700101\nEND:VEVENT\\';
  const shift: MyShiftView = {
    id: 'shift',
    name: hostile,
    kind: 'warden',
    from: '2031-01-20T00:00:00.000Z',
    to: '2031-01-20T08:00:00.000Z',
    required: 2,
    laneIds: [],
    assignments: [place('mine', '李长顺'), place('other', '=cmd|" /C calc"!A0, @SUM(1+1)')],
    mine: place('mine', '李长顺'),
  };

  it('escapes names so they stay one text value, and reads back exactly', () => {
    const ics = shiftCalendar([shift]);
    expect(textValue(ics, 'SUMMARY')).toBe(`值班：${hostile}`);
    expect(textValue(ics, 'DESCRIPTION')).toBe('同班：=cmd|" /C calc"!A0, @SUM(1+1)');
    // The injected END:VEVENT and DTSTART never become lines of their own.
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART:20310120T000000Z']);
  });
});
