import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { AgreementVersion } from './unit-detail';
import { loadOwnUnit, type ResidentUnitDetail } from './units-api';
import './units.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; unit: ResidentUnitDetail }
  | { status: 'failed'; message: string };

/**
 * 我们的协议: a unit's office worker reads what the unit signed with the association — the term,
 * the places and their hours, who carries the risk, the contact — the version in force first,
 * the earlier ones below it.
 */
export function OwnAgreementScreen() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = () => {
    loadOwnUnit()
      .then((unit) => setState({ status: 'ready', unit }))
      .catch((error: unknown) =>
        setState({
          status: 'failed',
          message: error instanceof ApiError ? error.message : t('error.network'),
        }),
      );
  };
  useEffect(load, []);

  return (
    <div class="screen" data-testid="own-agreement">
      <TopBar title={t('units.ownAgreement')} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={load} />}
        {state.status === 'ready' && (
          <section class="card">
            <h2 class="card-title">{state.unit.name}</h2>
            <p class="hint">
              {t(`units.kind.${state.unit.kind}`)} · {state.unit.associationName}
              {state.unit.address ? ` · ${state.unit.address}` : ''}
            </p>
            {state.unit.history.length === 0 ? (
              <p data-testid="no-agreement">{t('units.noOwnAgreement')}</p>
            ) : (
              state.unit.history.map((agreement) => (
                <AgreementVersion key={agreement.version} agreement={agreement} />
              ))
            )}
          </section>
        )}
      </main>
    </div>
  );
}
