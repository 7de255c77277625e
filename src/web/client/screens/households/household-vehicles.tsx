import { useState } from 'preact/hooks';
import { useConfirm } from '../../confirm';
import { t } from '../../i18n';
import type { PlateColor } from '../../me';
import { refusalOf } from '../../permits/permits-api';
import { addVehicle, PLATE_COLORS, removeVehicle, type Vehicle } from './households-api';

/** A household's vehicles: the council registers one and archives one after confirming. */
export function HouseholdVehicles(props: {
  householdId: string;
  vehicles: Vehicle[];
  onChanged: (done: string) => void;
}) {
  const { dialog, ask } = useConfirm();
  const [error, setError] = useState<string | null>(null);

  async function remove(vehicle: Vehicle) {
    const yes = await ask({
      title: t('vehicle.removeTitle', { plate: vehicle.plate }),
      body: <p>{t('vehicle.removeBody')}</p>,
      confirmLabel: t('vehicle.removeConfirm'),
      danger: true,
    });
    if (!yes) return;
    setError(null);
    try {
      await removeVehicle(vehicle.id);
      props.onChanged(t('vehicle.removed', { plate: vehicle.plate }));
    } catch (failure) {
      setError(refusalOf(failure));
    }
  }

  return (
    <section class="card" aria-labelledby="household-vehicles-title">
      <h2 class="card-title" id="household-vehicles-title">
        {t('household.vehicles', { count: props.vehicles.length })}
      </h2>
      {props.vehicles.length === 0 && <p class="hint">{t('household.noVehicles')}</p>}
      <ul class="household-items">
        {props.vehicles.map((vehicle) => (
          <li key={vehicle.id} class="household-item" data-testid="household-vehicle">
            <div>
              <strong class="plate">{vehicle.plate}</strong>
              <span class="hint"> {t(`plateColor.${vehicle.plateColor}`)}</span>
            </div>
            <button
              type="button"
              class="button button--ghost"
              data-testid="vehicle-remove"
              onClick={() => void remove(vehicle)}
            >
              {t('vehicle.remove')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <AddVehicle householdId={props.householdId} onAdded={props.onChanged} />
      {dialog}
    </section>
  );
}

function AddVehicle(props: { householdId: string; onAdded: (done: string) => void }) {
  const [plate, setPlate] = useState('');
  const [color, setColor] = useState<PlateColor | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    if (!plate.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const vehicle = await addVehicle(props.householdId, plate.trim(), color || undefined);
      setPlate('');
      setColor('');
      props.onAdded(t('vehicle.added', { plate: vehicle.plate }));
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" data-testid="vehicle-add" onSubmit={(e) => void add(e)}>
      <h3>{t('vehicle.add')}</h3>
      <label class="field">
        <span class="field-label">{t('vehicle.plate')}</span>
        <input
          value={plate}
          maxLength={20}
          required
          placeholder={t('vehicle.platePlaceholder')}
          autoComplete="off"
          data-testid="vehicle-add-plate"
          onInput={(e) => setPlate(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('vehicle.plateColor')}</span>
        <select
          value={color}
          data-testid="vehicle-add-color"
          onChange={(e) => setColor(e.currentTarget.value as PlateColor | '')}
        >
          <option value="">{t('vehicle.plateColorGuess')}</option>
          {PLATE_COLORS.map((c) => (
            <option key={c} value={c}>
              {t(`plateColor.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="vehicle-add-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        class="button button--secondary"
        disabled={busy || !plate.trim()}
        data-testid="vehicle-add-submit"
      >
        {busy ? t('member.saving') : t('vehicle.add')}
      </button>
    </form>
  );
}
