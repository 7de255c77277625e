import { RestrictionReminder } from './screens/daily-work/restriction-reminder';
import { isResident } from './session.policy';
import { useEffect } from 'preact/hooks';
import { useLang } from './i18n';
import { type Location, matchRoute, navigate, type Route, useLocation } from './router';
import { HOME_PATH, LOGIN_PATH, routes } from './routes';
import { ForbiddenScreen, NotFoundScreen } from './screens/message-screen';
import { MoveBanner } from './permits/move-banner';
import { type Session, useSession } from './session';

/** Who can be asked to move a car (挪车), wherever they are in the client. */
const MOVE_ROLES = new Set(['resident', 'warden', 'admin']);

/** The shell: picks the screen for the hash, sending visitors to log in and members home. */
export function App() {
  useLang();
  const session = useSession();
  const location = useLocation();
  const match = matchRoute(routes, location.path);
  const redirect = redirectFor(location, match?.route, session);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (redirect) return null;
  if (!match) return <NotFoundScreen />;
  const { route, params } = match;
  if (route.roles && !(session && route.roles.includes(session.member.role))) {
    return <ForbiddenScreen />;
  }
  const Screen = route.screen;
  const banner = session && MOVE_ROLES.has(session.member.role) && route.path !== '/move';
  return (
    <>
      {banner && <MoveBanner />}
      {isResident(session) && <RestrictionReminder />}
      <Screen params={params} query={location.query} />
    </>
  );
}

function redirectFor(
  location: Location,
  route: Route | undefined,
  session: Session | null,
): string | null {
  if (location.path === '/') return session ? HOME_PATH : LOGIN_PATH;
  if (!route) return null;
  if (route.guestOnly && session) return nextPath(location.query.get('next')) ?? HOME_PATH;
  if (!route.public && !session) {
    // Come back here after logging in: a warden opening a deep link from a QR code, say.
    const query = location.query.toString();
    const here = query ? `${location.path}?${query}` : location.path;
    return `${LOGIN_PATH}?next=${encodeURIComponent(here)}`;
  }
  return null;
}

function nextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith(LOGIN_PATH) ? next : null;
}
