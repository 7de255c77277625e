import { formatPlate } from '../../shared/plate';
import type { Actor } from '../../auth/actor';
import { mayReadPlate } from '../../associations/views';
import { maskPlate } from '../../common/masking';
import type { Persuasion } from './persuasion';
import type { PersuasionResponse } from '../../shared/api/violations';

export function toPersuasionView(p: Persuasion, actor: Actor): PersuasionResponse {
  const plateVisible = mayReadPlate(actor, {
    householdId: p.householdId ?? '',
    associationId: p.associationId,
  });
  return {
    id: p.id,
    kind: p.kind,
    violationId: p.violationId,
    plate: p.plate === null ? null : plateVisible ? formatPlate(p.plate) : maskPlate(p.plate),
    place: p.place,
    note: p.note,
    outcome: p.outcome,
    occurredAt: p.occurredAt,
    photoIds: p.photoIds,
  };
}
