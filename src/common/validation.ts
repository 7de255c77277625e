import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import type { Params } from '../shared/i18n';
import { isReason, type Reason } from '../shared/reasons';
import { DomainError } from './domain-error';
import { integerProblems, nullProblems, textProblems } from './input-guards';
import { rememberValidationRules } from './validation-metadata';

/** One field's problems, kept as reasons until the reply's language is known. */
export interface FieldProblem {
  field: string;
  /** class-validator rule names, e.g. 'isInt', 'whitelistValidation' */
  rules: string[];
  problems: { reason: Reason; params?: Params }[];
}

/**
 * A request that failed validation: `request.invalid`, with every field's problems. A feature
 * that judges a request's fields itself (a convention draft) names its own reason.
 */
export class ValidationFailure extends DomainError {
  constructor(
    readonly fields: FieldProblem[],
    reason: Reason = 'request.invalid',
    params: Params = {},
  ) {
    super(reason, { ...params, fields: fields.map((f) => f.field).join(', ') });
  }
}

/**
 * The global pipe: unknown fields are refused (not dropped), payloads become DTO instances.
 * A decorator may name its own problem with `context: { reason }` (a `field.*` reason) or
 * `context: { format: 'HH:MM' }` for `field.format`.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailure(fieldProblemsOf(errors)),
  });
}

/**
 * The DTO's own rules, plus what holds for every body, query and path value whatever its DTO
 * says (input-guards.ts): no control or text-direction characters in any text, no `null` where
 * the DTO only made a field optional, no integer beyond PostgreSQL's.
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const guarded =
      metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    if (!guarded) return super.transform(value, metadata);
    const path = metadata.data ?? '';
    refuse(textProblems(value, path));
    const result: unknown = await super.transform(value, metadata);
    refuse([...nullProblems(value, result, path), ...integerProblems(result, path)]);
    return result;
  }
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationFailure(problems);
}

export function fieldProblemsOf(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const rules = Object.keys(constraints);
    const own: FieldProblem[] =
      rules.length > 0
        ? [
            {
              field,
              rules,
              problems: rules.map((rule) =>
                problemOf(rule, constraints[rule] ?? '', contextOf(error, rule)),
              ),
            },
          ]
        : [];
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}

function contextOf(error: ValidationError, rule: string): Record<string, unknown> | undefined {
  const contexts: Record<string, unknown> = error.contexts ?? {};
  const context = contexts[rule];
  return context && typeof context === 'object' ? (context as Record<string, unknown>) : undefined;
}

const NUMBER = /(-?\d+(?:\.\d+)?)/;

/** Maps a class-validator rule to a catalogue reason; limits are read from its default message. */
function problemOf(
  rule: string,
  defaultMessage: string,
  context: Record<string, unknown> | undefined,
): { reason: Reason; params?: Params } {
  if (typeof context?.reason === 'string' && isReason(context.reason)) {
    return { reason: context.reason };
  }
  if (typeof context?.format === 'string') {
    return { reason: 'field.format', params: { format: context.format } };
  }
  const limit = NUMBER.exec(defaultMessage)?.[1];
  switch (rule) {
    case 'isUuid':
    case 'isUUID':
      return { reason: 'field.isUuid' };
    case 'min':
    case 'max':
    case 'maxLength':
    case 'minLength':
    case 'arrayMaxSize':
    case 'arrayMinSize':
      return { reason: `field.${rule}`, params: { limit } };
    case 'isLength': {
      const numbers = defaultMessage.match(/\d+/g) ?? [];
      if (numbers.length >= 2) {
        return { reason: 'field.length', params: { min: numbers[0], max: numbers[1] } };
      }
      return defaultMessage.includes('longer')
        ? { reason: 'field.maxLength', params: { limit } }
        : { reason: 'field.minLength', params: { limit } };
    }
    case 'isIn':
    case 'isEnum': {
      const values = defaultMessage.split(':').slice(1).join(':').trim();
      return { reason: 'field.isIn', params: { values } };
    }
    case 'isDateString':
    case 'isIso8601':
    case 'isISO8601':
      return { reason: 'field.isDateString' };
    default: {
      const reason = `field.${rule}`;
      return isReason(reason) ? { reason } : { reason: 'field.invalid' };
    }
  }
}
