// A permit's status at a moment: declared once for the server and a warden's phone judging
// offline, in src/shared/permits/status.ts.
export {
  PERMIT_STATUSES,
  type PermitStatus,
  type StatusFacts,
  statusAt,
  type StoredStatus,
} from '../shared/permits/status';
