import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import { Link } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { loadOverview, type StreetOverview } from './street-api';
import './street.css';

/** The public boards (公示栏) of the street's associations, one tap each. */
export function StreetBoardsScreen() {
  const [overview, setOverview] = useState<StreetOverview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = () => {
    setFailed(null);
    loadOverview().then(setOverview, (error: unknown) =>
      setFailed(error instanceof ApiError ? error.message : t('error.network')),
    );
  };
  useEffect(load, []);

  return (
    <div class="screen" data-testid="street-boards">
      <TopBar title={t('street.boards.title')} />
      <main class="content">
        <p class="hint">{t('street.boards.hint')}</p>
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !overview && <Loading />}
        {overview?.associations.length === 0 && <p class="card empty">{t('street.none')}</p>}
        <ul class="tiles">
          {overview?.associations.map((a) => (
            <li key={a.id}>
              <Link to={`/board/${a.id}`} class="tile" data-testid="street-board">
                <span class="tile-mark" aria-hidden="true">
                  示
                </span>
                <span class="tile-text">
                  <span class="tile-title">{a.name}</span>
                  <span class="tile-description">{a.community}</span>
                </span>
                <span class="tile-chevron" aria-hidden="true">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
