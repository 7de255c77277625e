import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../api';
import { logout } from '../auth';
import { t } from '../i18n';
import { type Me, useMe } from '../me';
import { Link } from '../router';
import { useSession } from '../session';
import { isResident } from '../session.policy';
import { LangSwitch, LoadFailed, Spinner } from '../ui';
import { useLiveEvents } from '../live';
import { HOME_TILES, type Tile } from './home-tiles';
import { ConsentNotices } from './spaces/consent-notices';

/** The member's landing screen: who and where they are, and the features of their role. */
export function HomeScreen() {
  const session = useSession();
  const { state, reload } = useMe();
  if (!session) return null;
  const { member } = session;
  const me = state.status === 'ready' ? state.me : null;

  return (
    <div class="screen" data-testid={`home-${member.role}`}>
      <header class="masthead">
        <div class="masthead-row">
          <div>
            <p class="masthead-association" data-testid="masthead-association">
              {me?.association?.name ?? me?.streetOffice ?? t('app.title')}
            </p>
            {me?.association && (
              <p class="masthead-place">
                {me.association.community} · {me.association.streetOffice}
              </p>
            )}
          </div>
          <LangSwitch />
        </div>
        <div class="masthead-row masthead-member">
          <p>
            <span class="member-name" data-testid="masthead-member">
              {member.name}
            </span>
            <span class="role-badge" data-testid="masthead-role">
              {t(`role.${member.role}`)}
            </span>
          </p>
          <div class="masthead-actions">
            <Link to="/password" class="button button--ghost" data-testid="change-password-link">
              {t('password.link')}
            </Link>
            <button
              type="button"
              class="button button--ghost"
              data-testid="logout"
              onClick={() => void logout()}
            >
              {t('home.logout')}
            </button>
          </div>
        </div>
      </header>

      <main class="content">
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {isResident(session) && <ConsentNotices />}
        <h2 class="section-title">{t('home.features')}</h2>
        <ul class="tiles">
          {HOME_TILES[member.role].map((tile) => (
            <li key={tile.id}>
              <TileCard tile={tile} me={me} />
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

function TileCard(props: { tile: Tile; me: Me | null }) {
  const { tile, me } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summary = me && tile.summary ? tile.summary(me) : null;
  const body = (
    <>
      <span class="tile-mark" aria-hidden="true">
        {tile.mark}
      </span>
      <span class="tile-text">
        <span class="tile-title">{t(tile.title)}</span>
        <span class="tile-description">
          {busy && tile.busy ? (
            t(tile.busy)
          ) : tile.count ? (
            <TileCount count={tile.count} otherwise={summary ?? t(tile.description)} />
          ) : (
            (summary ?? t(tile.description))
          )}
        </span>
        {error && (
          <span class="tile-error" role="alert">
            {error}
          </span>
        )}
      </span>
    </>
  );

  if (tile.to) {
    return (
      <Link to={tile.to} class="tile" data-testid={`tile-${tile.id}`}>
        {body}
        <span class="tile-chevron" aria-hidden="true">
          ›
        </span>
      </Link>
    );
  }
  const run = tile.run;
  if (run) {
    const start = async () => {
      setBusy(true);
      setError(null);
      try {
        await run();
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : t('error.network'));
      } finally {
        setBusy(false);
      }
    };
    return (
      <button
        type="button"
        class="tile"
        data-testid={`tile-${tile.id}`}
        disabled={busy}
        aria-busy={busy}
        onClick={() => void start()}
      >
        {body}
        {busy ? (
          <Spinner />
        ) : (
          <span class="tile-chevron" aria-hidden="true">
            ›
          </span>
        )}
      </button>
    );
  }
  return (
    <div class="tile tile--soon" data-testid={`tile-${tile.id}`} aria-disabled="true">
      {body}
      <span class="soon-badge">{t('common.comingSoon')}</span>
    </div>
  );
}

/** A tile's count, read on opening the home screen and again whenever the server says so. */
function TileCount(props: { count: NonNullable<Tile['count']>; otherwise: string }) {
  const { count } = props;
  const [total, setTotal] = useState<number | null>(null);
  const [reads, setReads] = useState(0);
  const reread = () => setReads((n) => n + 1);
  useLiveEvents({ connect: reread, [count.refreshOn]: reread });
  useEffect(() => {
    let current = true;
    apiFetch<{ total: number }>(count.path).then(
      (page) => current && setTotal(page.total),
      () => undefined, // the description stays: the count is a help, not the tile
    );
    return () => void (current = false);
  }, [count.path, reads]);
  if (total === null) return <>{props.otherwise}</>;
  return (
    <span data-testid="tile-count">
      {total === 0 ? t(count.none) : t(count.text, { count: total })}
    </span>
  );
}
