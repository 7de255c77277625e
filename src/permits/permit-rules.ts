// Small rules of the permit lifecycle, shared by its service methods.
import type { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { PermitQuery } from './dto/permit.dto';
import type { Permit } from './permit.entity';

export function whereStatus(
  qb: ReturnType<Repository<Permit>['createQueryBuilder']>,
  status: PermitQuery['status'],
  now: Date,
): void {
  const live = `p.status = 'active' AND p.validTo > :now`;
  const suspended = `p.suspendedUntil IS NOT NULL AND p.suspendedUntil > :now`;
  switch (status) {
    case 'active':
      qb.andWhere(`${live} AND p.validFrom <= :now AND NOT (${suspended})`, { now });
      return;
    case 'suspended':
      qb.andWhere(`${live} AND ${suspended}`, { now });
      return;
    case 'scheduled':
      qb.andWhere(`${live} AND p.validFrom > :now AND NOT (${suspended})`, { now });
      return;
    case 'expired':
      qb.andWhere(`(p.status = 'expired' OR (p.status = 'active' AND p.validTo <= :now))`, { now });
      return;
    case 'pending':
    case 'rejected':
    case 'revoked':
      qb.andWhere('p.status = :status', { status });
      return;
    case undefined:
      return;
  }
}

export function assertValidity(from: Date, to: Date): void {
  if (!(to > from)) {
    throw DomainError.invalid('有效期结束须晚于开始 / validTo must be after validFrom');
  }
}

export function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}

export function notInState(p: Permit, expected: string): DomainError {
  const [zh, en] = expected.split(' / ');
  return DomainError.conflict(
    `停车证 No.${p.number} 当前为 ${p.status}，此操作须为${zh} / permit No.${p.number} is ${p.status}; this needs it ${en}`,
  );
}
