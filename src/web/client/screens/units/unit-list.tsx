import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import { Link } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { listUnits, type ResidentUnit } from './units-api';
import './units.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; units: ResidentUnit[] }
  | { status: 'failed'; message: string };

/** 驻区单位: the units of the council's association, or of every association of the street. */
export function UnitListScreen() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = () => {
    setState({ status: 'loading' });
    listUnits()
      .then(({ units }) => setState({ status: 'ready', units }))
      .catch((error: unknown) =>
        setState({
          status: 'failed',
          message: error instanceof ApiError ? error.message : t('error.network'),
        }),
      );
  };
  useEffect(load, []);

  return (
    <div class="screen" data-testid="units">
      <TopBar title={t('units.title')} />
      <main class="content">
        <Link to="/units/new" class="button button--primary" data-testid="units-register">
          {t('units.register')}
        </Link>
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={load} />}
        {state.status === 'ready' &&
          (state.units.length === 0 ? (
            <p class="hint">{t('units.none')}</p>
          ) : (
            <ul class="unit-list">
              {state.units.map((unit) => (
                <li key={unit.id}>
                  <Link to={`/units/${unit.id}`} class="card unit-card" data-testid="unit-card">
                    <h2 class="card-title">{unit.name}</h2>
                    <p>
                      {t(`units.kind.${unit.kind}`)} · {unit.associationName}
                    </p>
                    <p>
                      {unit.agreement
                        ? t('units.agreementLine', {
                            version: unit.agreement.version,
                            from: unit.agreement.termFrom,
                            to: unit.agreement.termTo,
                            places: unit.agreement.places,
                          })
                        : t('units.noAgreement')}
                    </p>
                    <p class="hint">{t('units.staffCount', { count: unit.staffCount })}</p>
                  </Link>
                </li>
              ))}
            </ul>
          ))}
      </main>
    </div>
  );
}
