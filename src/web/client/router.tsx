import type { ComponentChildren, ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Role } from './session';

// Hash routing (#/home, #/warden/map): the server serves index.html under /app/ whatever the
// path, but a hash also survives being opened from a QR code or a bookmark on any phone.

export interface ScreenProps {
  /** `:name` segments of the route's path, decoded */
  params: Record<string, string>;
  /** `?a=b` after the path inside the hash */
  query: URLSearchParams;
}

export interface Route {
  /** e.g. '/home' or '/permits/:permitId' */
  path: string;
  screen: ComponentType<ScreenProps>;
  /** Reachable without logging in. */
  public?: boolean;
  /** Only for visitors who are not logged in (the login screen); others go home. */
  guestOnly?: boolean;
  /** Roles that may open the screen; every logged-in role when absent. */
  roles?: readonly Role[];
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => notify());

export function currentLocation(): Location {
  const hash = window.location.hash.replace(/^#/, '');
  const [rawPath = '', rawQuery = ''] = hash.split('?', 2);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  return {
    path: path.length > 1 ? path.replace(/\/+$/, '') : path,
    query: new URLSearchParams(rawQuery),
  };
}

/** Goes to a route path such as '/home'; `replace` keeps the back button from returning here. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const hash = `#${path}`;
  if (window.location.hash === hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', hash);
    notify();
  } else {
    window.location.hash = hash;
  }
}

/** Re-renders the calling component when the hash changes. */
export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const listener = () => setLocation(currentLocation());
    listeners.add(listener);
    listener();
    return () => void listeners.delete(listener);
  }, []);
  return location;
}

export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

export function Link(
  props: { to: string; children: ComponentChildren } & Omit<
    JSX.HTMLAttributes<HTMLAnchorElement>,
    'href'
  >,
) {
  const { to, children, ...rest } = props;
  return (
    <a href={`#${to}`} {...rest}>
      {children}
    </a>
  );
}

function notify(): void {
  for (const listener of listeners) listener();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
