import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { useMe, type Vehicle } from '../me';
import { LoadFailed, Loading, TopBar } from '../ui';
import { FormFooter, NoteField } from './form-parts';
import { listPermits, type Permit, refusalOf } from './permits-api';
import './permits.css';
import './permit-screens.css';

// A vehicle holding one of these already has its permit (one per kind and scope, a database
// constraint); applying again would only be refused.
const HOLDING = new Set(['pending', 'scheduled', 'active', 'suspended']);

/** 申请停车证 (登记): a resident applies for a permit for one of the household's vehicles. */
export function ApplyPermitScreen() {
  const { state, reload } = useMe();
  const [permits, setPermits] = useState<Permit[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = () => {
    setFailed(null);
    listPermits({ kind: 'resident' }).then(
      (page) => setPermits(page.items),
      (error: unknown) => setFailed(refusalOf(error)),
    );
  };
  useEffect(load, []);

  const vehicles = state.status === 'ready' ? (state.me.household?.vehicles ?? []) : null;
  const holdingOf = (vehicle: Vehicle) =>
    permits?.find((p) => p.vehicleId === vehicle.id && HOLDING.has(p.status));
  const applied = (permit: Permit) => setPermits((list) => [permit, ...(list ?? [])]);

  return (
    <div class="screen" data-testid="apply-permit">
      <TopBar title={t('apply.title')} back="/permits" />
      <main class="content">
        <p class="hint">{t('apply.hint')}</p>
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && (!vehicles || !permits) && state.status !== 'failed' && <Loading />}
        {vehicles && vehicles.length === 0 && <p class="card empty">{t('vehicles.none')}</p>}
        {vehicles && permits && (
          <ul class="list">
            {vehicles.map((vehicle) => (
              <VehicleApplication
                key={vehicle.id}
                vehicle={vehicle}
                holding={holdingOf(vehicle)}
                onApplied={applied}
              />
            ))}
          </ul>
        )}
        <a class="button button--secondary" href="#/permits">
          {t('apply.myPermits')}
        </a>
      </main>
    </div>
  );
}

function VehicleApplication(props: {
  vehicle: Vehicle;
  holding: Permit | undefined;
  onApplied: (permit: Permit) => void;
}) {
  const { vehicle, holding } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function apply(event: Event) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      props.onApplied(
        await apiFetch<Permit>('/api/permits', {
          method: 'POST',
          body: { vehicleId: vehicle.id, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card permit" data-testid="apply-vehicle" data-plate={vehicle.plate.replace('·', '')}>
      <span class={`plate plate--${vehicle.plateColor}`}>{vehicle.plate}</span>
      {holding ? (
        <span class={`permit-status permit-status--${holding.status}`} data-testid="apply-status">
          {t(`permits.status.${holding.status}`)} · No.{holding.number}
          {holding.status === 'pending' && ` · ${t('apply.waiting')}`}
        </span>
      ) : (
        <form class="council-form" onSubmit={(e) => void apply(e)}>
          <NoteField
            label={t('apply.note')}
            placeholder={t('apply.notePlaceholder')}
            value={note}
            onInput={setNote}
          />
          <FormFooter refusal={refusal} busy={busy} submitTestid="apply-submit">
            {t('apply.submit')}
          </FormFooter>
        </form>
      )}
    </li>
  );
}
