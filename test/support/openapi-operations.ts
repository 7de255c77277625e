/** The operations of the service's OpenAPI document, and the tables their ids name. */

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  name: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'name' | 'method' | 'path'> & RawOp>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOp {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** Existing ids, by table, so some requests reach rows and the database rather than a 404. */
export type IdPool = Record<string, string[]>;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, raw]) => {
      const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
      return {
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: raw.parameters ?? [],
        body: contentType && media ? { contentType, schema: media.schema } : undefined,
      };
    }),
  );
}

// The table a path segment or an `…Id` field names.
const SEGMENT_TABLES: Record<string, string> = {
  associations: 'association',
  lanes: 'lane',
  households: 'household',
  members: 'member',
  vehicles: 'vehicle',
  'viewer-grants': 'member',
  spaces: 'space',
  restrictions: 'space_restriction',
  objections: 'space_objection',
  versions: 'convention_version',
  diff: 'convention_version',
  shifts: 'duty_shift',
  'shift-assignments': 'shift_assignment',
  swaps: 'shift_swap',
  unavailability: 'member_unavailability',
  permits: 'permit',
  'move-requests': 'move_request',
  'car-parks': 'car_park',
  offers: 'off_peak_offer',
  bookings: 'booking',
  allocations: 'standing_allocation',
  violations: 'violation',
  templates: 'shift_template',
};

export const POOL_TABLES = [...new Set([...Object.values(SEGMENT_TABLES), 'resident_unit'])];

export function tableOfField(name: string): string {
  const base = name
    .replace(/Ids?$/, '')
    .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    .replace(/^_/, '');
  if (base === 'owner_member' || base === 'member') return 'member';
  if (base === 'eligible_association') return 'association';
  if (base === 'version' || base === 'other') return 'convention_version';
  return base;
}

export function tableOfPathParam(path: string, name: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return SEGMENT_TABLES[segments[at - 1] ?? ''] ?? tableOfField(name);
}
