import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withReasonsSection } from './reasons-doc';

describe('docs/api.md', () => {
  it('lists every reason of the catalogue (run `npm run docs:reasons` after changing one)', () => {
    const file = path.resolve(__dirname, '../../../docs/api.md');
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toBe(withReasonsSection(markdown));
  });
});
