import { t } from '../i18n';
import { useMe } from '../me';
import { LoadFailed, Loading, TopBar } from '../ui';

/** A resident's household and its registered vehicles, as the association holds them. */
export function MyVehiclesScreen() {
  const { state, reload } = useMe();
  return (
    <div class="screen" data-testid="my-vehicles">
      <TopBar title={t('vehicles.title')} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {state.status === 'ready' &&
          (state.me.household ? (
            <>
              <p class="hint">{t('vehicles.household', { address: state.me.household.address })}</p>
              {state.me.household.vehicles.length === 0 ? (
                <p class="card empty">{t('vehicles.none')}</p>
              ) : (
                <ul class="list">
                  {state.me.household.vehicles.map((vehicle) => (
                    <li class="card vehicle" key={vehicle.id} data-testid="vehicle">
                      <span class={`plate plate--${vehicle.plateColor}`}>{vehicle.plate}</span>
                      <span class="vehicle-color">{t(`plateColor.${vehicle.plateColor}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p class="card empty">{t('vehicles.noHousehold')}</p>
          ))}
      </main>
    </div>
  );
}
