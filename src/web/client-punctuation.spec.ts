import * as core from './client/messages/core';
import * as conventions from './client/messages/conventions';
import * as permits from './client/messages/permits';
import * as rosters from './client/messages/rosters';
import * as sharing from './client/messages/sharing';
import * as spaces from './client/messages/spaces';

// Chinese text takes full-width punctuation (，。；：？！（）); ASCII marks belong to the English
// strings, times (19:00) and file names (.ics). Also: no string in two languages at once.
const ZH: Record<string, string> = {
  ...core.zh,
  ...conventions.zh,
  ...permits.zh,
  ...rosters.zh,
  ...sharing.zh,
  ...spaces.zh,
};

function halfWidthMarks(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[,;!?()]|:(?!\d)|\/ [A-Za-z]/g)) found.push(match[0]);
  return found;
}

describe('the Chinese messages of the web client', () => {
  it('use full-width punctuation', () => {
    const offenders = Object.entries(ZH)
      .filter(([, text]) => halfWidthMarks(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });
});
