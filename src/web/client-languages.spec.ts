import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// One language per screen: an English string never carries Chinese beside it (a role's Chinese
// name, a Chinese answer). Plates stay as they are written (京A12345), and the language switch
// names the other language in that language.
const MESSAGES = join(__dirname, 'client', 'messages');
const PLATE = /[\u4e00-\u9fff][A-Z][A-Z0-9]{4,6}/g;
const SELF_NAMED = new Set(['lang.switch']);

function englishMessages(): [string, string][] {
  return readdirSync(MESSAGES)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { en } = require(join(MESSAGES, file)) as { en: Record<string, string> };
      return Object.entries(en).map(([key, text]) => [`${file} ${key}`, text] as [string, string]);
    });
}

describe('the English messages of the web client', () => {
  it('are English only', () => {
    const offenders = englishMessages()
      .filter(([key]) => !SELF_NAMED.has(key.split(' ')[1]!))
      .filter(([, text]) => /[\u4e00-\u9fff]/.test(text.replace(PLATE, '')))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });
});
