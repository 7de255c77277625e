// "My shifts" as iCalendar (RFC 5545). Shift and member names are user text: ical-generator
// escapes TEXT values (backslash, semicolon, comma, newlines; shift-calendar.spec.ts proves it),
// so a name can never end a property or start a new one.

import ical from 'ical-generator';
import type { MyShiftResponse } from '../shared/api/rosters';

export function shiftCalendar(shifts: MyShiftResponse[]): string {
  const calendar = ical({
    // A calendar app asks with no language: the feed speaks the association's, Chinese.
    name: '值班表',
    prodId: '//hutong-parking//rosters//ZH',
  });
  for (const shift of shifts) {
    const others = shift.assignments.filter((a) => a.id !== shift.mine.id).map((a) => a.memberName);
    calendar.createEvent({
      id: `${shift.mine.id}@hutong-parking`,
      start: new Date(shift.from),
      end: new Date(shift.to),
      summary: `值班：${shift.name}${shift.kind === 'volunteer' ? ' (文明劝导)' : ''}`,
      description: others.length ? `同班：${others.join('、')}` : undefined,
    });
  }
  return calendar.toString();
}
