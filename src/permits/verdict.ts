// The server's side of a scan's judgement: a permit row and the place of the scan become the
// facts the shared judge reads (src/shared/scans/verdict.ts), which the phone uses offline too.
import { shanghaiDateTime } from '../common/shanghai-time';
import { normalisePlate } from '../shared/plate';
import type { StatusFacts } from './permit-status';
import { type Judgement, judgeFacts, judgement, standingAt } from '../shared/scans/verdict';

export interface JudgedPermit extends StatusFacts {
  associationId: string;
  laneId: string | null;
  carParkId: string | null;
  plate: string;
}

export interface ScanPlace {
  /** The warden's association. */
  associationId: string;
  laneId?: string | null;
  carParkId?: string | null;
}

export interface JudgeInput {
  permit: JudgedPermit | null;
  place: ScanPlace;
  plateSeen?: string | null;
  at: Date;
  /**
   * Shared permits: inside the car park's offer windows? null (or left out) when they could not
   * be read: such a permit is never judged valid.
   */
  withinWindow?: boolean | null;
}

export function judge(input: JudgeInput): Judgement {
  const { permit, place, at } = input;
  if (!permit) return judgement('unknown');
  // Another association's permit says nothing more than "not here": no dates, no plate.
  if (permit.associationId !== place.associationId) return judgement('wrong_scope');
  return judgeFacts({
    standing: standingAt(permit, at, shanghaiDateTime),
    inScope: inScope(permit, place),
    plateMatches: !input.plateSeen || normalisePlate(input.plateSeen) === permit.plate,
    shared: !!permit.carParkId,
    withinWindow: input.withinWindow,
  });
}

function inScope(permit: JudgedPermit, place: ScanPlace): boolean {
  if (permit.carParkId) return place.carParkId === permit.carParkId;
  if (place.carParkId) return false;
  return !permit.laneId || !place.laneId || permit.laneId === place.laneId;
}
