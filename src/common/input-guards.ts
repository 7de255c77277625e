import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { FieldProblem } from './validation';

/**
 * Checks every request value passes before (text) and after (nulls, integers) the DTO's own
 * validation, so no route can forget them. Each returns the problems it found, in the shape of
 * class-validator's, for `request.invalid`.
 */

// C0 controls and DEL, except tab, line feed and carriage return (free text and CSV keep lines).
// PostgreSQL refuses NUL in text outright; the others are invisible and only ever mischief.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A UTF-16 half without its other half cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embeddings, overrides and isolates make a name or plate read differently from what is stored
// ("Trojan Source"); marks such as U+200F that only hint direction stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Beyond PostgreSQL's integer, which every integer column and query parameter of ours fits. */
export const INTEGER_LIMIT = 2_147_483_647;

/** Past this depth a value is not walked further (JSON bodies are refused deeper than 32). */
const MAX_WALK_DEPTH = 64;

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Strings (and object keys) with control or text-direction characters, anywhere in `value`. */
export function textProblems(value: unknown, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (current: unknown, at: string, depth: number): void => {
    if (typeof current === 'string') {
      const problem = textProblem(current, at);
      if (problem) problems.push(problem);
      return;
    }
    if (current === null || typeof current !== 'object' || depth > MAX_WALK_DEPTH) return;
    for (const [key, item] of Object.entries(current)) {
      const field = join(at, key);
      const keyProblem = textProblem(key, field);
      if (keyProblem) problems.push(keyProblem);
      else walk(item, field, depth + 1);
    }
  };
  walk(value, path, 0);
  return problems;
}

function textProblem(text: string, field: string): FieldProblem | undefined {
  if (CONTROL.test(text) || LONE_SURROGATE.test(text)) {
    return {
      field: field || 'body',
      rules: ['noControlCharacters'],
      problems: [{ reason: 'field.control_characters' }],
    };
  }
  if (BIDI_CONTROL.test(text)) {
    return {
      field: field || 'body',
      rules: ['noBidiControls'],
      problems: [{ reason: 'field.bidi_controls' }],
    };
  }
  return undefined;
}

/**
 * Explicit `null` where the DTO only says `@IsOptional()`. class-validator's IsOptional skips a
 * property that is null as well as one that is absent, so `{ "name": null }` passed every check
 * and reached a NOT NULL column (500) or cleared a value no one meant to clear. A DTO that means
 * null ("clear the household of this space") says so with `@ValidateIf((_o, v) => v !== null)`,
 * or with any `@ValidateIf` that decides for itself when the property is checked; there null
 * stays allowed. Walks the request (`plain`) beside the DTO it became (`instance`), so nested
 * DTOs are checked against their own class.
 */
export function nullProblems(plain: unknown, instance: unknown, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (from: unknown, to: unknown, at: string, depth: number): void => {
    if (!isObject(from) || !isObject(to) || depth > MAX_WALK_DEPTH) return;
    if (Array.isArray(from)) {
      if (Array.isArray(to)) from.forEach((item, i) => walk(item, to[i], join(at, i), depth + 1));
      return;
    }
    const optionalOnly = optionalOnlyProperties(to.constructor);
    for (const [key, item] of Object.entries(from)) {
      const field = join(at, key);
      if (item === null) {
        if (optionalOnly.has(key)) {
          problems.push({
            field,
            rules: ['isNotNull'],
            problems: [{ reason: 'field.not_null' }],
          });
        }
      } else {
        walk(item, (to as Record<string, unknown>)[key], field, depth + 1);
      }
    }
  };
  walk(plain, instance, path, 0);
  return problems;
}

const optionalOnlyCache = new WeakMap<object, ReadonlySet<string>>();

/** The properties whose only condition is `@IsOptional()` (inherited and mapped types included). */
function optionalOnlyProperties(target: unknown): ReadonlySet<string> {
  if (typeof target !== 'function' || target === Object) return new Set();
  const cached = optionalOnlyCache.get(target);
  if (cached) return cached;
  const conditions = new Map<string, string[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(
    target,
    '',
    true,
    false,
  )) {
    if (metadata.type !== ValidationTypes.CONDITIONAL_VALIDATION) continue;
    const names = conditions.get(metadata.propertyName) ?? [];
    names.push(metadata.name ?? 'validateIf');
    conditions.set(metadata.propertyName, names);
  }
  const result = new Set(
    [...conditions]
      .filter(([, names]) => names.every((name) => name === 'isOptional'))
      .map(([property]) => property),
  );
  optionalOnlyCache.set(target, result);
  return result;
}

/**
 * Integers beyond PostgreSQL's `integer`, anywhere in the DTO: `?page=99999999999999999999` is
 * a valid JS integer (1e20) that overflowed the query's OFFSET. No count, amount or position of
 * ours comes near the limit.
 */
export function integerProblems(value: unknown, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (current: unknown, at: string, depth: number): void => {
    if (typeof current === 'number') {
      if (Number.isInteger(current) && Math.abs(current) > INTEGER_LIMIT) {
        const rule = current > 0 ? 'max' : 'min';
        const limit = current > 0 ? INTEGER_LIMIT : -INTEGER_LIMIT;
        problems.push({
          field: at || 'value',
          rules: [rule],
          problems: [{ reason: `field.${rule}`, params: { limit } }],
        });
      }
      return;
    }
    if (!isObject(current) || current instanceof Date || depth > MAX_WALK_DEPTH) return;
    for (const [key, item] of Object.entries(current)) walk(item, join(at, key), depth + 1);
  };
  walk(value, path, 0);
  return problems;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
