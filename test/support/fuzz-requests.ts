import fc from 'fast-check';
import {
  encode,
  extremeNumber,
  hostileBody,
  hostileText,
  hostileValue,
  sneakyText,
  textOf,
} from './fuzz-values';
import {
  type IdPool,
  type Operation,
  type OpenApiDocument,
  type Schema,
  tableOfField,
  tableOfPathParam,
} from './openapi-operations';

/**
 * Malformed requests for every operation of the OpenAPI document: a plausible request built from
 * the schema, then broken in one way (a field of the wrong type, null, huge, nested, with NUL,
 * bidi or emoji text; a required field missing, an unknown one added; the whole body replaced;
 * a bad id, date or number in the path or the query).
 */

export type Caller = 'admin' | 'warden' | 'resident' | 'unit' | 'viewer' | 'anonymous' | 'forged';

export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  caller: Caller;
  lang: 'zh-CN' | 'en';
  contentType?: string;
  body?: string;
}

type Part = 'path' | 'query' | 'body' | 'extras';

export class RequestFactory {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly pool: IdPool,
  ) {}

  /**
   * Requests for one operation, each broken in one chosen part (a path parameter, the query or
   * the body) while the others stay plausible, with real ids where the pool has them: so every
   * request is malformed, and the broken part meets the code past a 404.
   */
  requests(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const parts: Part[] = [];
    if (operation.parameters.some((p) => p.in === 'path')) parts.push('path');
    if (operation.parameters.some((p) => p.in === 'query')) parts.push('query');
    if (operation.body) parts.push('body', 'body');
    if (parts.length === 0) parts.push('extras');
    return fc.constantFrom(...parts).chain((broken) =>
      fc
        .record({
          path: this.pathOf(operation, broken === 'path'),
          query: this.queryOf(operation, broken === 'query' || broken === 'extras'),
          body: this.bodyOf(operation, broken),
          // Mostly the admin, who may do most, so requests reach the code behind the role check.
          caller: fc.constantFrom<Caller>(
            'admin',
            'admin',
            'admin',
            'admin',
            'warden',
            'resident',
            'resident',
            'unit',
            'viewer',
            'anonymous',
            'forged',
          ),
          lang: fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
        })
        .map(({ path, query, body, caller, lang }) => ({
          operation: operation.name,
          method: operation.method,
          url: query ? `${path}?${query}` : path,
          caller,
          lang,
          ...(body ?? {}),
        })),
    );
  }

  private pathOf(operation: Operation, broken: boolean): fc.Arbitrary<string> {
    const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (names.length === 0) return fc.constant(operation.path);
    return fc
      .tuple(
        fc.nat(names.length - 1),
        fc.tuple(...names.map((name) => this.pathValue(operation.path, name, false))),
        fc.tuple(...names.map((name) => this.pathValue(operation.path, name, true))),
      )
      .map(([which, plausible, hostile]) =>
        names.reduce(
          (path, name, i) =>
            path.replace(`{${name}}`, (broken && i === which ? hostile[i] : plausible[i]) ?? ''),
          operation.path,
        ),
      );
  }

  private pathValue(path: string, name: string, hostile: boolean): fc.Arbitrary<string> {
    if (name === 'year') {
      return hostile
        ? fc.constantFrom('0', '-1', '99999', '99999999999999999999', '1e20', '2026.5', 'abc')
        : fc.integer({ min: 1990, max: 2100 }).map(String);
    }
    if (!hostile) {
      const existing = this.idsOf(tableOfPathParam(path, name));
      return existing.length > 0 ? fc.constantFrom(...existing) : fc.uuid();
    }
    return fc.oneof(
      { weight: 1, arbitrary: fc.uuid() },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'not-a-uuid',
          'x'.repeat(150),
          '%00',
          '%E0%A4%A',
          '%2e%2e%2f',
          '..',
          '-1',
          '1e20',
          '99999999999999999999',
          'a.ics',
          '%20',
          '%FF',
          '%ED%A0%80',
          '%',
        ),
      },
      { weight: 3, arbitrary: hostileText.map((text) => encode(text.slice(0, 12))) },
    );
  }

  /** The declared parameters, plausible or (when broken) some hostile, repeated or unknown. */
  private queryOf(operation: Operation, broken: boolean): fc.Arbitrary<string> {
    const declared = operation.parameters.filter((p) => p.in === 'query');
    const values = declared.map((parameter) => {
      const plausible = this.validValue(parameter.schema ?? {}, parameter.name, 0);
      return fc.option(
        broken
          ? fc.oneof(plausible, hostileValue, fc.array(hostileText, { minLength: 2, maxLength: 3 }))
          : plausible,
        { freq: 2 },
      );
    });
    const extra = broken
      ? fc.option(fc.tuple(fc.constantFrom('extra', 'page', '__proto__'), hostileText), {
          freq: declared.length > 0 ? 3 : 1,
        })
      : fc.constant(null);
    // Percent-encodings that decode to no text at all.
    const raw = broken
      ? fc.option(fc.constantFrom('%FF', '%ED%A0%80', '%', '%zz', '%00'), { freq: 4 })
      : fc.constant(null);
    return fc.tuple(fc.tuple(...values), extra, raw).map(([chosen, unknown, undecodable]) => {
      const parts: string[] = [];
      declared.forEach((parameter, i) => {
        const value = chosen[i];
        if (value === null || value === undefined) return;
        for (const item of Array.isArray(value) && broken ? value : [value]) {
          parts.push(`${parameter.name}=${encode(textOf(item))}`);
        }
      });
      if (unknown) parts.push(`${unknown[0]}=${encode(unknown[1].slice(0, 2000))}`);
      if (undecodable) parts.push(`${declared[0]?.name ?? 'q'}=${undecodable}`);
      return parts.join('&');
    });
  }

  private bodyOf(
    operation: Operation,
    broken: Part,
  ): fc.Arbitrary<{ contentType: string; body: string } | undefined> {
    if (!operation.body) {
      // A body where none is read, now and then.
      return operation.method !== 'GET' && operation.method !== 'HEAD'
        ? fc
            .option(
              hostileBody.map((body) => ({ contentType: 'application/json', body })),
              { freq: 4 },
            )
            .map((body) => body ?? undefined)
        : fc.constant(undefined);
    }
    if (broken !== 'body') {
      return this.validValue(operation.body.schema, 'body', 0).map((value) => ({
        contentType: operation.body!.contentType,
        body: typeof value === 'string' ? value : JSON.stringify(value),
      }));
    }
    return this.brokenBody(operation.body);
  }

  private brokenBody(body: {
    contentType: string;
    schema: Schema;
  }): fc.Arbitrary<{ contentType: string; body: string }> {
    if (body.contentType !== 'application/json') {
      const text = fc
        .array(
          fc.array(
            hostileText.map((t) => t.slice(0, 500)),
            { maxLength: 9 },
          ),
          { maxLength: 6 },
        )
        .map((rows) => rows.map((cells) => cells.join(',')).join('\r\n'));
      return fc.record({ contentType: fc.constant(body.contentType), body: text });
    }
    const broken = fc.oneof(
      { weight: 8, arbitrary: this.brokenObject(body.schema) },
      { weight: 1, arbitrary: hostileBody },
    );
    return fc.record({
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
      ),
      body: broken,
    });
  }

  /** A plausible body with one field, or one nested value, broken. */
  private brokenObject(schema: Schema): fc.Arbitrary<string> {
    const resolved = this.resolve(schema);
    const optional = Object.keys(resolved.properties ?? {}).filter(
      (key) => !(resolved.required ?? []).includes(key),
    );
    return fc
      .tuple(
        this.validValue(schema, 'body', 0),
        fc.constantFrom('replace', 'replace', 'replace', 'null-optional', 'drop', 'extra'),
        hostileValue,
        // Half the time, a value of the slot's own type that its type check lets through.
        fc.option(fc.tuple(sneakyText, extremeNumber)),
        fc.nat(),
      )
      .map(([valid, how, value, sameType, pick]) => {
        const body = (valid ?? {}) as Record<string, unknown>;
        if (how === 'null-optional' && optional.length > 0) {
          body[optional[pick % optional.length]!] = null;
        } else if (how === 'drop' && (resolved.required ?? []).length > 0) {
          const required = resolved.required!;
          delete body[required[pick % required.length]!];
        } else if (how === 'extra') {
          body[`extra${pick % 3}`] = value;
        } else {
          const targets = slotsOf(body);
          const target = targets[pick % targets.length];
          if (target) {
            const current = target.holder[target.key];
            target.holder[target.key] =
              sameType && typeof current === 'string'
                ? sameType[0]
                : sameType && typeof current === 'number'
                  ? sameType[1]
                  : value;
          }
        }
        return JSON.stringify(body);
      });
  }

  private validValue(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
    if (s.properties) {
      if (depth > 4) return fc.constant({});
      const keys = Object.keys(s.properties);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = this.validValue(s.properties[key]!, key, depth + 1);
      return fc.record(record, { requiredKeys: s.required ?? [] });
    }
    if (s.type === 'array' || s.items) {
      const item = this.validValue(s.items ?? { type: 'string' }, singular(name), depth + 1);
      return fc.array(item, { minLength: 1, maxLength: 3 });
    }
    if (s.type === 'number' || s.type === 'integer') {
      if (typeof s.example === 'number') return fc.constant(s.example);
      return fc.integer({ min: s.minimum ?? 1, max: Math.min(s.maximum ?? 30, 1000) });
    }
    if (s.type === 'boolean') return fc.boolean();
    return this.validText(name, s.example);
  }

  private validText(name: string, example: unknown): fc.Arbitrary<string> {
    if (/phone/i.test(name))
      return fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`);
    if (/Ids?$|^id$|^kid$/.test(name)) {
      const existing = this.idsOf(tableOfField(name));
      return existing.length > 0 ? fc.oneof(fc.constantFrom(...existing), fc.uuid()) : fc.uuid();
    }
    if (typeof example === 'string') return fc.constant(example);
    if (/At$|^since$/.test(name)) {
      return fc
        .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    }
    if (/date|night|^from$|^to$|validTo/i.test(name)) return fc.constant('2026-03-02');
    return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
  }

  private resolve(schema: Schema): Schema {
    if (schema.$ref)
      return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop()!] ?? {});
    if (schema.allOf?.[0]) return this.resolve(schema.allOf[0]);
    return schema;
  }

  private idsOf(table: string): string[] {
    return this.pool[table] ?? [];
  }
}

/** Every place in a JSON value a broken value could go: each property and array item. */
function slotsOf(
  value: unknown,
): { holder: Record<string | number, unknown>; key: string | number }[] {
  const slots: { holder: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (current: unknown) => {
    if (current === null || typeof current !== 'object') return;
    const holder = current as Record<string | number, unknown>;
    for (const key of Object.keys(holder)) {
      slots.push({ holder, key });
      walk(holder[key]);
    }
  };
  walk(value);
  return slots;
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
