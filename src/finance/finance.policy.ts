// Who keeps and reads the association's accounts: the council records; the council and granted
// viewers read the lines; everyone reads the monthly totals on the public board.
import type { Actor } from '../auth/actor';
import { canReadAssociation, isCouncilOf, isViewer } from '../auth/policy';

export function canRecordFinance(actor: Actor, associationId: string): boolean {
  return isCouncilOf(actor, associationId);
}

export function canReadFinanceLines(actor: Actor, associationId: string): boolean {
  return (
    canReadAssociation(actor, associationId) &&
    (isCouncilOf(actor, associationId) || isViewer(actor))
  );
}
