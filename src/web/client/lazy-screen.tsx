import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from './router';
import { LoadFailed, Loading } from './ui';

type Loader = () => Promise<ComponentType<ScreenProps>>;

/**
 * A screen whose code is fetched the first time someone opens it (`import()`, a chunk of its
 * own), so the first screen a phone loads carries only what it shows. The council's screens are
 * loaded so: most phones are residents' and wardens' and never open them.
 *   { path: '/rosters', screen: lazyScreen(() => import('./screens/rosters/roster-week').then((m) => m.RosterWeekScreen)) }
 */
export function lazyScreen(load: Loader): ComponentType<ScreenProps> {
  let loaded: ComponentType<ScreenProps> | null = null;
  let loading: Promise<ComponentType<ScreenProps>> | null = null;
  const fetchScreen = () => {
    loading ??= load().then((screen) => (loaded = screen));
    // A failed fetch (no network) may be tried again.
    loading.catch(() => (loading = null));
    return loading;
  };
  return function LazyScreen(props: ScreenProps) {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState<string | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      fetchScreen().then(
        () => current && setReady(true),
        (error: Error) => current && setFailed(error.message),
      );
      return () => void (current = false);
    }, [attempt]);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    if (failed) {
      return (
        <main class="content">
          <LoadFailed
            message={failed}
            onRetry={() => {
              setFailed(null);
              setAttempt((n) => n + 1);
            }}
          />
        </main>
      );
    }
    return (
      <main class="content">
        <Loading />
      </main>
    );
  };
}
