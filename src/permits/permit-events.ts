import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';

/** Who changed a permit: a member, or the system (e.g. the convention's penalty ladder). */
export type PermitActor = Actor | 'system';

export const PERMIT_EVENT_TYPES = [
  'applied',
  'approved',
  'rejected',
  'fee_paid',
  'issued',
  'renewed',
  'suspended',
  'reinstated',
  'revoked',
  'expired',
] as const;
export type PermitEventType = (typeof PERMIT_EVENT_TYPES)[number];

export interface PermitEventRecord {
  permitId: string;
  associationId: string;
  type: PermitEventType;
  by: PermitActor;
  reason?: string;
  details?: Record<string, unknown>;
  at: Date;
}

/** The ledger row of a transition, written in the transition's own transaction. */
export async function recordPermitEvent(em: EntityManager, event: PermitEventRecord) {
  await em.query(
    `INSERT INTO permit_event (permit_id, association_id, type, actor_member_id, reason, details, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      event.permitId,
      event.associationId,
      event.type,
      event.by === 'system' ? null : event.by.memberId,
      event.reason ?? '',
      event.details ?? {},
      event.at,
    ],
  );
}

/** The one-active-permit index, turned into a refusal that says what to do. */
export function mapActivePermitConflict(error: unknown, plate: string): unknown {
  const driver = (error instanceof QueryFailedError ? error.driverError : {}) as {
    constraint?: string;
  };
  if (driver.constraint === 'permit_one_active_per_scope') {
    return DomainError.conflict(
      `该车辆已有同类有效停车证 / ${plate} already holds an active permit of this kind for this place; revoke or let it expire first`,
      { constraint: driver.constraint },
    );
  }
  return error;
}
