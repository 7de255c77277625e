// Who reads the street's figures: its street office, and viewers (community accounts) for the
// associations granted them. Aggregates only: never a phone, a name or a plate.
import type { Actor } from '../auth/actor';
import { isStreetStaff, isViewer } from '../auth/policy';

export function canReadStreetOverview(actor: Actor): boolean {
  return isStreetStaff(actor) || isViewer(actor);
}
