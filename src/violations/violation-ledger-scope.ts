// Pure: which violations a list or a ledger shows, and what of each a ledger reader sees. The
// list and the export both go through here, so the street office's list and its export agree.
import { shanghaiMidnight } from '../common/shanghai-time';
import type { ViolationResponse } from '../shared/api/violations';
import type { ViolationFilter } from './violation.repository';
import type { Actor } from '../auth/actor';
import { maskPlate } from '../common/masking';
import type { AppealStatus, Violation, ViolationKind } from './violation';
import { toViolationView } from './violation-views';
import type { ViolationSight } from './violation-ledger-columns';
import { canReadLedger, seesLedgerDetails, seesOwnHouseholdOnly } from './violations.policy';

/**
 * Whose violations a reader lists, and so exports: `household` undefined for the whole
 * association, a household's id for a resident's own, null for none (a resident without one, or
 * a viewer's own household in an association they only read).
 */
export interface ViolationReader {
  sight: ViolationSight;
  household?: string | null;
}

export function violationReaderOf(actor: Actor, associationId: string): ViolationReader {
  // The council and the street office read the ledger: the same rows and fields as its export.
  if (canReadLedger(actor, associationId)) {
    return { sight: seesLedgerDetails(actor, associationId) ? 'council' : 'street' };
  }
  if (!seesOwnHouseholdOnly(actor)) return { sight: 'member' };
  const own = actor.householdId && associationId === actor.associationId;
  return { sight: 'member', household: own ? actor.householdId : null };
}

export interface LedgerFilterQuery {
  appealStatus?: AppealStatus;
  kind?: ViolationKind;
  /** "2026-11": a Beijing calendar month. */
  month?: string;
}

export function violationFilter(
  associationId: string,
  query: LedgerFilterQuery,
  household?: string,
): ViolationFilter {
  const filter: ViolationFilter = {
    associationId,
    ...(household ? { householdId: household } : {}),
    appealStatus: query.appealStatus,
    kind: query.kind,
  };
  if (query.month) {
    const [year, month] = query.month.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    filter.from = shanghaiMidnight(`${query.month}-01`) ?? undefined;
    filter.to = shanghaiMidnight(`${next}-01`) ?? undefined;
  }
  return filter;
}

/**
 * What the street office reads of a violation: the ledger without the household, plate in full
 * or the appellant's words, which stay with the association's council.
 */
export function ledgerReaderView(v: Violation, actor: Actor, council: boolean): ViolationResponse {
  const view = toViolationView(v, actor);
  if (council) return view;
  return { ...view, plate: maskPlate(v.plate), householdId: null, appealReason: null };
}
