// Small rules of the permit lifecycle, shared by its service methods.
import { DomainError } from '../common/domain-error';
import type { Reason } from '../shared/reasons';

export function assertValidity(from: Date, to: Date): void {
  if (!(to > from)) throw new DomainError('permit.validity_order');
}

export function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/** A step the permit's state does not allow, refused with the permit's number. */
export function refuseUnless(
  allowed: boolean,
  reason: Extract<
    Reason,
    | 'permit.not_pending'
    | 'permit.not_payable'
    | 'permit.not_renewable'
    | 'permit.not_active'
    | 'permit.not_suspended'
    | 'permit.already_ended'
  >,
  permit: { number: number; status: string },
): void {
  if (!allowed) throw new DomainError(reason, { number: permit.number, status: permit.status });
}
