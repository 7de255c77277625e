// Every migration, in order. Add new ones at the end.
import { Foundation1763900000000 } from './1763900000000-foundation';
import { Spaces1763900100000 } from './1763900100000-spaces';
import { LiveAdapter1763900110000 } from './1763900110000-live-adapter';
import { Permits1763900200000 } from './1763900200000-permits';
import { Sharing1763900300000 } from './1763900300000-sharing';
import { Rosters1763900400000 } from './1763900400000-rosters';
import { Conventions1763900500000 } from './1763900500000-conventions';
import { OnDutyFlags1763900600000 } from './1763900600000-on-duty-flags';
import { MemberAccess1764100000000 } from './1764100000000-member-access';
import { IdempotentRequests1764200000000 } from './1764200000000-idempotent-requests';
import { LaneMapSeq1764400000000 } from './1764400000000-lane-map-seq';
import { SessionHousehold1764400100000 } from './1764400100000-session-household';
import { PermitKeysPerAssociation1764500000000 } from './1764500000000-permit-keys-per-association';
import { SharingPlatesAsBooked1764600000000 } from './1764600000000-sharing-plates-as-booked';
import { CarParkCapacity1764600100000 } from './1764600100000-car-park-capacity';
import { DutyRequirements1764700000000 } from './1764700000000-duty-requirements';
import { RosterRollover1764700100000 } from './1764700100000-roster-rollover';
import { ConventionBallot1764800000000 } from './1764800000000-convention-ballot';
import { Outbox1764900000000 } from './1764900000000-outbox';
import { ScanVerdictCauses1764950000000 } from './1764950000000-scan-verdict-causes';
import { ViolationCitedTerms1765000000000 } from './1765000000000-violation-cited-terms';
import { Payments1765000100000 } from './1765000100000-payments';
import { StreetOffice1765100000000 } from './1765100000000-street-office';
import { AllocationDraws1765100100000 } from './1765100100000-allocation-draws';
import { Finance1765100200000 } from './1765100200000-finance';
import { PersuasionRecords1765300000000 } from './1765300000000-persuasion-records';
import { WindscreenNotices1765300100000 } from './1765300100000-windscreen-notices';
import { CommentReplies1765300200000 } from './1765300200000-comment-replies';
import { RestrictionReminders1765300300000 } from './1765300300000-restriction-reminders';
import { ForeignKeyIndexes1765400000000 } from './1765400000000-foreign-key-indexes';
import { ArchivedVehiclesHouseholds1765400100000 } from './1765400100000-archived-vehicles-households';
import { WhereaboutsRetention1765400200000 } from './1765400200000-whereabouts-retention';
import { AssociationScopedIndexes1765400300000 } from './1765400300000-association-scoped-indexes';
import { LaneLandmarks1765600000000 } from './1765600000000-lane-landmarks';
import { ForeignKeyIndexesStreetAndLedgers1765700000000 } from './1765700000000-foreign-key-indexes-street-and-ledgers';
import { VehicleChangeRequests1765850000000 } from './1765850000000-vehicle-change-requests';
import { EligibilityAndFairAdmission1765860000000 } from './1765860000000-eligibility-and-fair-admission';
import { UnitAgreements1765870000000 } from './1765870000000-unit-agreements';
import { BookingLedgerIndex1765880000000 } from './1765880000000-booking-ledger-index';
import { MonthlyScanPartitions1765890000000 } from './1765890000000-monthly-scan-partitions';
import { PermitListIndex1765910000000 } from './1765910000000-permit-list-index';
import { MonthlySessionPartitions1765920000000 } from './1765920000000-monthly-session-partitions';

export const allMigrations = [
  Foundation1763900000000,
  Spaces1763900100000,
  LiveAdapter1763900110000,
  Permits1763900200000,
  Sharing1763900300000,
  Rosters1763900400000,
  Conventions1763900500000,
  OnDutyFlags1763900600000,
  MemberAccess1764100000000,
  IdempotentRequests1764200000000,
  LaneMapSeq1764400000000,
  SessionHousehold1764400100000,
  PermitKeysPerAssociation1764500000000,
  SharingPlatesAsBooked1764600000000,
  CarParkCapacity1764600100000,
  DutyRequirements1764700000000,
  RosterRollover1764700100000,
  ConventionBallot1764800000000,
  Outbox1764900000000,
  ScanVerdictCauses1764950000000,
  ViolationCitedTerms1765000000000,
  Payments1765000100000,
  StreetOffice1765100000000,
  AllocationDraws1765100100000,
  Finance1765100200000,
  PersuasionRecords1765300000000,
  WindscreenNotices1765300100000,
  CommentReplies1765300200000,
  RestrictionReminders1765300300000,
  ForeignKeyIndexes1765400000000,
  ArchivedVehiclesHouseholds1765400100000,
  WhereaboutsRetention1765400200000,
  AssociationScopedIndexes1765400300000,
  LaneLandmarks1765600000000,
  ForeignKeyIndexesStreetAndLedgers1765700000000,
  VehicleChangeRequests1765850000000,
  EligibilityAndFairAdmission1765860000000,
  UnitAgreements1765870000000,
  BookingLedgerIndex1765880000000,
  MonthlyScanPartitions1765890000000,
  PermitListIndex1765910000000,
  MonthlySessionPartitions1765920000000,
];
