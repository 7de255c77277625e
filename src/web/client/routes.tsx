import type { Route } from './router';
import { lazyScreen } from './lazy-screen';
import { HomeScreen } from './screens/home';
import { LoginScreen } from './screens/login';
import { MyPermitsScreen } from './permits/my-permits';
import { WardenScanScreen } from './permits/warden-scan';
import { ApplyPermitScreen } from './permits/apply-permit';
import { VisitorPassesScreen } from './permits/visitor-passes';
import { MoveScreen } from './permits/move-screen';
import { PlateCheckScreen } from './permits/plate-check';
import { WardenMapScreen } from './screens/spaces/warden-map';
import { ResidentMapScreen } from './screens/spaces/resident-map';
import { StickerCheckInScreen } from './screens/spaces/sticker-check-in';
import { ResidentOffersScreen } from './screens/sharing/resident-offers';
import { UnitOffersScreen } from './screens/sharing/unit-offers';
import { MyShiftsScreen } from './screens/rosters/my-shifts';
import { BoardScreen } from './screens/conventions/board';
import { ConventionScreen } from './screens/conventions/convention';
import { StreetOverviewScreen } from './screens/street/street-overview';
import { StreetBoardsScreen } from './screens/street/street-boards';
import { OnboardAssociationScreen } from './screens/street/onboard-association';
import { PersuasionScreen } from './screens/daily-work/persuasion';
import { MoveNoticeScreen } from './screens/daily-work/move-notice';
import { ChangePasswordScreen } from './screens/change-password';
import { UnitListScreen } from './screens/units/unit-list';
import { RegisterUnitScreen } from './screens/units/register-unit';
import { UnitDetailScreen } from './screens/units/unit-detail';
import { OwnAgreementScreen } from './screens/units/own-agreement';

// The council's screens are fetched when opened: most phones never open them.
const CouncilPermitsScreen = lazyScreen(() =>
  import('./permits/council-permits').then((m) => m.CouncilPermitsScreen),
);
const RosterWeekScreen = lazyScreen(() =>
  import('./screens/rosters/roster-week').then((m) => m.RosterWeekScreen),
);
const CouncilConventionScreen = lazyScreen(() =>
  import('./screens/conventions/council-convention').then((m) => m.CouncilConventionScreen),
);
const CouncilViolationsScreen = lazyScreen(() =>
  import('./screens/conventions/council-violations').then((m) => m.CouncilViolationsScreen),
);
const CouncilHouseholdsScreen = lazyScreen(() =>
  import('./screens/households/council-households').then((m) => m.CouncilHouseholdsScreen),
);
const HouseholdDetailScreen = lazyScreen(() =>
  import('./screens/households/household-detail').then((m) => m.HouseholdDetailScreen),
);
const PaymentLedgerScreen = lazyScreen(() =>
  import('./screens/payments/payment-ledger').then((m) => m.PaymentLedgerScreen),
);

const CouncilVehicleChangesScreen = lazyScreen(() =>
  import('./screens/vehicle-changes/council-vehicle-changes').then(
    (m) => m.CouncilVehicleChangesScreen,
  ),
);
const CouncilSpacesScreen = lazyScreen(() =>
  import('./screens/spaces/council-spaces').then((m) => m.CouncilSpacesScreen),
);
const PrintScreen = lazyScreen(() =>
  import('./screens/printing/print-center').then((m) => m.PrintScreen),
);

// The resident's own cars and records: opened now and then, so fetched when opened.
const MyVehiclesScreen = lazyScreen(() =>
  import('./screens/my-vehicles').then((m) => m.MyVehiclesScreen),
);
const MyViolationsScreen = lazyScreen(() =>
  import('./screens/resident/my-violations').then((m) => m.MyViolationsScreen),
);
const MyHistoryScreen = lazyScreen(() =>
  import('./screens/resident/my-history').then((m) => m.MyHistoryScreen),
);

export const LOGIN_PATH = '/login';
export const HOME_PATH = '/home';

/**
 * Every screen of the client. A feature adds one line here (and points its home tile at the
 * path in screens/home-tiles.ts), e.g.
 *   { path: '/warden/map', screen: WardenMapScreen, roles: ['warden', 'admin'] },
 *   { path: '/permits/:permitId', screen: PermitScreen },
 * First match wins; `:name` segments reach the screen as `params.name`.
 */
export const routes: readonly Route[] = [
  { path: LOGIN_PATH, screen: LoginScreen, public: true, guestOnly: true },
  { path: HOME_PATH, screen: HomeScreen },
  { path: '/resident/vehicles', screen: MyVehiclesScreen, roles: ['resident'] },
  { path: '/resident/violations', screen: MyViolationsScreen, roles: ['resident'] },
  { path: '/resident/history', screen: MyHistoryScreen, roles: ['resident'] },
  { path: '/warden/scan', screen: WardenScanScreen, roles: ['warden', 'admin'] },
  { path: '/permits', screen: MyPermitsScreen, roles: ['resident'] },
  { path: '/permits/apply', screen: ApplyPermitScreen, roles: ['resident'] },
  { path: '/council/permits', screen: CouncilPermitsScreen, roles: ['admin'] },
  { path: '/visitors', screen: VisitorPassesScreen, roles: ['resident'] },
  { path: '/move', screen: MoveScreen, roles: ['warden', 'resident', 'admin'] },
  { path: '/plate-check', screen: PlateCheckScreen, roles: ['resident', 'warden', 'admin'] },
  { path: '/warden/map', screen: WardenMapScreen, roles: ['warden', 'admin'] },
  { path: '/map', screen: ResidentMapScreen, roles: ['resident', 'unit'] },
  { path: '/spaces/:id/check-in', screen: StickerCheckInScreen, roles: ['resident'] },
  { path: '/rosters', screen: RosterWeekScreen, roles: ['admin'] },
  { path: '/me/shifts', screen: MyShiftsScreen, roles: ['warden', 'resident', 'admin'] },
  { path: '/offers', screen: ResidentOffersScreen, roles: ['resident'] },
  { path: '/unit/offers', screen: UnitOffersScreen, roles: ['unit'] },
  { path: '/unit/agreement', screen: OwnAgreementScreen, roles: ['unit'] },
  { path: '/convention', screen: ConventionScreen },
  { path: '/council/convention', screen: CouncilConventionScreen, roles: ['admin'] },
  { path: '/council/violations', screen: CouncilViolationsScreen, roles: ['admin', 'warden'] },
  { path: '/council/households', screen: CouncilHouseholdsScreen, roles: ['admin'] },
  { path: '/council/households/:id', screen: HouseholdDetailScreen, roles: ['admin'] },
  { path: '/council/vehicle-changes', screen: CouncilVehicleChangesScreen, roles: ['admin'] },
  { path: '/council/payments', screen: PaymentLedgerScreen, roles: ['admin'] },
  { path: '/council/print', screen: PrintScreen, roles: ['admin'] },
  { path: '/council/spaces', screen: CouncilSpacesScreen, roles: ['admin'] },
  { path: '/board/:associationId', screen: BoardScreen, public: true },
  { path: '/street', screen: StreetOverviewScreen, roles: ['street', 'viewer'] },
  { path: '/street/boards', screen: StreetBoardsScreen, roles: ['street', 'viewer'] },
  { path: '/street/onboard', screen: OnboardAssociationScreen, roles: ['street'] },
  { path: '/warden/persuasion', screen: PersuasionScreen, roles: ['warden', 'admin'] },
  { path: '/notice/:token', screen: MoveNoticeScreen, public: true },
  { path: '/password', screen: ChangePasswordScreen },
  { path: '/units', screen: UnitListScreen, roles: ['street', 'admin'] },
  { path: '/units/new', screen: RegisterUnitScreen, roles: ['street', 'admin'] },
  { path: '/units/:id', screen: UnitDetailScreen, roles: ['street', 'admin'] },
];
