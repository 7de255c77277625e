import type { Route } from './router';
import { HomeScreen } from './screens/home';
import { LoginScreen } from './screens/login';
import { MyVehiclesScreen } from './screens/my-vehicles';
import { MyPermitsScreen } from './permits/my-permits';
import { WardenScanScreen } from './permits/warden-scan';
import { CouncilPermitsScreen } from './permits/council-permits';
import { ApplyPermitScreen } from './permits/apply-permit';
import { VisitorPassesScreen } from './permits/visitor-passes';
import { MoveScreen } from './permits/move-screen';
import { WardenMapScreen } from './screens/spaces/warden-map';
import { ResidentMapScreen } from './screens/spaces/resident-map';
import { StickerCheckInScreen } from './screens/spaces/sticker-check-in';
import { ResidentOffersScreen } from './screens/sharing/resident-offers';
import { UnitOffersScreen } from './screens/sharing/unit-offers';
import { MyShiftsScreen } from './screens/rosters/my-shifts';
import { RosterWeekScreen } from './screens/rosters/roster-week';
import { BoardScreen } from './screens/conventions/board';
import { ConventionScreen } from './screens/conventions/convention';
import { CouncilConventionScreen } from './screens/conventions/council-convention';
import { CouncilViolationsScreen } from './screens/conventions/council-violations';
import { StreetOverviewScreen } from './screens/street/street-overview';
import { StreetBoardsScreen } from './screens/street/street-boards';
import { OnboardAssociationScreen } from './screens/street/onboard-association';

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
  { path: '/warden/scan', screen: WardenScanScreen, roles: ['warden', 'admin'] },
  { path: '/permits', screen: MyPermitsScreen, roles: ['resident'] },
  { path: '/permits/apply', screen: ApplyPermitScreen, roles: ['resident'] },
  { path: '/council/permits', screen: CouncilPermitsScreen, roles: ['admin'] },
  { path: '/visitors', screen: VisitorPassesScreen, roles: ['resident'] },
  { path: '/move', screen: MoveScreen, roles: ['warden', 'resident', 'admin'] },
  { path: '/warden/map', screen: WardenMapScreen, roles: ['warden', 'admin'] },
  { path: '/map', screen: ResidentMapScreen, roles: ['resident', 'unit'] },
  { path: '/spaces/:id/check-in', screen: StickerCheckInScreen, roles: ['resident'] },
  { path: '/rosters', screen: RosterWeekScreen, roles: ['admin'] },
  { path: '/me/shifts', screen: MyShiftsScreen, roles: ['warden', 'resident', 'admin'] },
  { path: '/offers', screen: ResidentOffersScreen, roles: ['resident'] },
  { path: '/unit/offers', screen: UnitOffersScreen, roles: ['unit'] },
  { path: '/convention', screen: ConventionScreen },
  { path: '/council/convention', screen: CouncilConventionScreen, roles: ['admin'] },
  { path: '/council/violations', screen: CouncilViolationsScreen, roles: ['admin', 'warden'] },
  { path: '/board/:associationId', screen: BoardScreen, public: true },
  { path: '/street', screen: StreetOverviewScreen, roles: ['street', 'viewer'] },
  { path: '/street/boards', screen: StreetBoardsScreen, roles: ['street', 'viewer'] },
  { path: '/street/onboard', screen: OnboardAssociationScreen, roles: ['street'] },
];
