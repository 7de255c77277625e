import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'common-passwords.txt';

let cached: ReadonlySet<string> | undefined;

/**
 * The shipped list of common passwords (common-passwords.txt), lower case. Read once; it sits
 * beside this module in the sources, and the compiled module (dist/src/auth) finds it there too.
 */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(parseList(readFileSync(locate(), 'utf8')));
  return cached;
}

export function parseList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.toLowerCase());
}

function locate(): string {
  const beside = path.join(__dirname, FILE);
  // Built with tsc into dist/src/auth: the list stays in the sources.
  return existsSync(beside) ? beside : path.resolve(__dirname, '../../../src/auth', FILE);
}
