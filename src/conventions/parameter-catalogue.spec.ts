import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_PARAMETERS, type ParameterName } from './convention-parameters';
import { PARAMETER_NAMES } from './parameter-rules';

// Every parameter the convention declares must bind something: a rule the service enforces.
// A parameter no code reads is a promise to residents the product does not keep (issue 10).
const SRC = join(__dirname, '..');

/**
 * Parameters that bind nowhere, each with why. Empty: every parameter has a consumer. A name
 * added here must say why, and the test below fails once something reads it.
 */
const BINDS_NOWHERE: Partial<Record<ParameterName, string>> = {};

/** Where parameters are declared, validated, edited or seeded: none of that is enforcing. */
const NOT_CONSUMERS = [
  'conventions/convention-parameters.ts',
  'conventions/parameter-rules.ts',
  'conventions/dto/',
  'conventions/demo-conventions.ts',
  'web/',
  'shared/',
];

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Files that read the parameter's value from the rules in force. */
function consumersOf(name: string, files: { path: string; text: string }[]): string[] {
  const reads = [
    // rules.parameters.vehiclesPerHousehold
    new RegExp(`parameters\\.${name}\\b`),
    // const { visitorPassesPerMonth: quota, … } = rules.parameters
    new RegExp(`\\{[^}]*\\b${name}\\b[^}]*\\}\\s*=\\s*[\\w.]*parameters\\b`),
  ];
  return files.filter((f) => reads.some((r) => r.test(f.text))).map((f) => f.path);
}

describe('the convention parameter catalogue: every parameter binds', () => {
  const files = serverFiles(SRC)
    .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
    .filter((f) => !NOT_CONSUMERS.some((prefix) => f.path.startsWith(prefix)));

  it('declares the same parameters in the catalogue and the defaults', () => {
    expect([...PARAMETER_NAMES].sort()).toEqual(Object.keys(DEFAULT_PARAMETERS).sort());
  });

  it.each([...PARAMETER_NAMES])('%s has a consumer, or says why it binds nowhere', (name) => {
    const consumers = consumersOf(name, files);
    if (BINDS_NOWHERE[name]) expect(consumers).toEqual([]);
    else expect(consumers).not.toEqual([]);
  });

  it('vehiclesPerHousehold (article 3) binds permits, waiting lists and self check-in', () => {
    // The one helper reads the value; each of these calls it with its own refusal.
    expect(consumersOf('vehiclesPerHousehold', files)).toEqual([
      'conventions/vehicles-per-household.ts',
    ]);
    const callers = files
      .filter((f) => /assertVehicleQuota\(/.test(f.text))
      .map((f) => f.path)
      .filter((p) => p !== 'conventions/vehicles-per-household.ts')
      .sort();
    expect(callers).toEqual([
      'permits/permits.service.ts',
      'sharing/allocations.service.ts',
      'spaces/occupancy.service.ts',
    ]);
  });
});
