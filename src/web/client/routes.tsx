import type { Route } from './router';
import { HomeScreen } from './screens/home';
import { LoginScreen } from './screens/login';
import { MyVehiclesScreen } from './screens/my-vehicles';

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
];
