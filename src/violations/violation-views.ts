import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import { mayReadPlate } from '../associations/views';
import { maskPlate } from '../common/masking';
import { articleLabel } from '../conventions/convention-parameters';
import type { ViolationResponse } from '../shared/api/violations';
import type { Violation } from './violation';

/** `actor` null: the copy pushed to the household itself, which may read its own plate. */
export function toViolationView(v: Violation, actor: Actor | null): ViolationResponse {
  const plateVisible =
    actor === null ||
    mayReadPlate(actor, { householdId: v.householdId ?? '', associationId: v.associationId });
  return {
    id: v.id,
    kind: v.kind,
    plate: plateVisible ? formatPlate(v.plate) : maskPlate(v.plate),
    householdId: v.householdId,
    place: v.place,
    occurredAt: v.occurredAt,
    step: v.step,
    action: v.action,
    articleNumber: v.articleNumber,
    article: v.articleNumber ? articleLabel(v.articleNumber) : null,
    rule: v.citedRule,
    graceMinutes: v.graceMinutes,
    suspendedUntil: v.suspendedUntil,
    permitSuspended: v.permitId !== null,
    appealStatus: v.appealStatus,
    appealReason: v.appealReason,
    appealNote: v.appealNote,
  };
}
