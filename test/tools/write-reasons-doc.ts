// `npm run docs:reasons`: rewrites the generated list of refusal reasons in docs/api.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withReasonsSection } from '../../src/shared/reasons/reasons-doc';

const file = path.resolve(__dirname, '../../docs/api.md');
writeFileSync(file, withReasonsSection(readFileSync(file, 'utf8')));
process.stdout.write(`updated the reasons in ${path.relative(process.cwd(), file)}\n`);
