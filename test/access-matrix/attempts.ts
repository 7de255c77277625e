import type { Fixtures, Who } from './fixtures';
import { ROLES_UNDER_TEST } from './fixtures';
import type { Operation } from './rules';

/** One try of the matrix: a role writing one field (or the whole body) of one operation. */
export interface Attempt {
  key: string;
  method: 'post' | 'patch' | 'put' | 'delete';
  url: string;
  who: Who;
  field?: string;
  body?: object;
  csv?: string;
  expected: 'write' | 'refuse';
  phase: 'write' | 'delete' | 'session';
  loose?: string;
}

export function attemptsOf(key: string, operation: Operation, fx: Fixtures): Attempt[] {
  const [method, template] = key.split(' ') as [string, string];
  const cases: (string | undefined)[] = operation.fieldRules
    ? (operation.fields ?? '').split(' ').filter(Boolean)
    : [undefined];
  return ROLES_UNDER_TEST.flatMap((who) =>
    cases.map((field): Attempt => {
      const rule = (field && operation.fieldRules?.[field]) || operation.who;
      const params = operation.path?.(fx, who) ?? {};
      const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = params[name];
        if (!value) throw new Error(`${key}: no value for {${name}}`);
        return value;
      });
      return {
        key,
        method: method.toLowerCase() as Attempt['method'],
        url,
        who,
        field,
        body: operation.body?.(fx, who, field),
        csv: operation.csv?.(fx),
        expected: rule(fx.actors[who], fx) ? 'write' : 'refuse',
        phase: (field && operation.fieldPhase?.[field]) || operation.phase || 'write',
        loose: operation.loose,
      };
    }),
  );
}

/** A refusal: no token, a role or object the policy refuses, or the council acting on itself. */
export function isRefusal(status: number, reason: unknown): boolean {
  return status === 401 || status === 403 || status === 404 || reason === 'member.council_self';
}

const ACCESS_REASONS = new Set(['role.forbidden', 'council.only', 'forbidden']);

/** Why a permitted attempt's answer is wrong, or null when it is right. */
export function permittedProblem(attempt: Attempt, status: number, reason: unknown): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status === 401) return 'not authenticated';
  if (reason === 'request.invalid') return 'the matrix sent an invalid body';
  if (typeof reason === 'string' && ACCESS_REASONS.has(reason)) return `refused: ${reason}`;
  if (attempt.loose) return null;
  if (status >= 300) return `answered ${status} ${String(reason)}`;
  return null;
}
