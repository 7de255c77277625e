import { useEffect, useState } from 'preact/hooks';
import { DoneMessage, useConfirm } from '../confirm';
import { t } from '../i18n';
import { type PlateColor, useMe, type Vehicle } from '../me';
import { refusalOf } from '../permits/permits-api';
import { LoadFailed, Loading, TopBar } from '../ui';
import {
  beijingMinute,
  citeArticle,
  myVehicleChanges,
  requestVehicleChange,
  type VehicleChange,
  type VehicleChangeRule,
  vehicleChangeRule,
} from './resident/resident-api';
import { VehicleForm } from './resident/vehicle-form';
import './resident/resident.css';

/**
 * 我的车辆: the household's cars as the association holds them. A resident registers a car or
 * corrects a plate and its colour; when the convention says so the council approves it first,
 * and the answer (with its reason when refused) shows here.
 */
export function MyVehiclesScreen() {
  const { state, reload } = useMe();
  const [rule, setRule] = useState<VehicleChangeRule | null>(null);
  const [changes, setChanges] = useState<VehicleChange[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const load = () => {
    setFailed(null);
    Promise.all([vehicleChangeRule(), myVehicleChanges()]).then(
      ([r, page]) => {
        setRule(r);
        setChanges(page.items);
      },
      (error: unknown) => setFailed(refusalOf(error)),
    );
  };
  useEffect(load, []);

  /** Sends the request; null when it went through, else the refusal to show by the form. */
  async function send(plate: string, plateColor: PlateColor, vehicle?: Vehicle) {
    if (
      vehicle &&
      !(await ask({
        title: t('vehicles.confirmEdit', { plate }),
        body: <p>{t('vehicles.confirmEditBody')}</p>,
        confirmLabel: t('vehicles.save'),
      }))
    ) {
      return null;
    }
    try {
      const change = await requestVehicleChange({
        plate,
        plateColor,
        ...(vehicle ? { vehicleId: vehicle.id } : {}),
      });
      setChanges((list) => [change, ...(list ?? [])]);
      setEditing(null);
      setDone(
        change.status === 'pending'
          ? t('vehicles.submitted', { plate: change.plate })
          : t(vehicle ? 'vehicles.changed' : 'vehicles.added', { plate: change.plate }),
      );
      if (change.status !== 'pending') reload();
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  }

  const pendingOf = (vehicle: Vehicle) =>
    changes?.find((c) => c.vehicleId === vehicle.id && c.status === 'pending');

  return (
    <div class="screen" data-testid="my-vehicles">
      <TopBar title={t('vehicles.title')} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {state.status === 'ready' && !state.me.household && (
          <p class="card empty">{t('vehicles.noHousehold')}</p>
        )}
        {state.status === 'ready' && state.me.household && (
          <>
            <p class="hint">{t('vehicles.household', { address: state.me.household.address })}</p>
            {rule && (
              <div class="hint" data-testid="vehicle-rule">
                <p>
                  {rule.needsApproval
                    ? t('vehicles.needsApproval', { article: citeArticle(rule.approvalArticle) })
                    : t('vehicles.direct')}
                </p>
                <p>
                  {t('vehicles.quota', {
                    article: citeArticle(rule.quotaArticle),
                    limit: rule.vehiclesPerHousehold,
                  })}
                </p>
              </div>
            )}
            <DoneMessage text={done} testid="vehicle-done" />
            {state.me.household.vehicles.length === 0 ? (
              <p class="card empty">{t('vehicles.none')}</p>
            ) : (
              <ul class="list">
                {state.me.household.vehicles.map((vehicle) => {
                  const pending = pendingOf(vehicle);
                  return (
                    <li
                      class="card vehicle vehicle-card"
                      key={vehicle.id}
                      data-testid="vehicle"
                      data-plate={vehicle.plate.replace('·', '')}
                    >
                      <div class="vehicle-card-head">
                        <span class={`plate plate--${vehicle.plateColor}`}>{vehicle.plate}</span>
                        <span class="vehicle-color">{t(`plateColor.${vehicle.plateColor}`)}</span>
                      </div>
                      {pending && (
                        <p
                          class="request-status request-status--pending"
                          data-testid="vehicle-pending"
                        >
                          {t('vehicles.pendingOn', { plate: pending.plate })}
                        </p>
                      )}
                      {!pending && editing !== vehicle.id && (
                        <button
                          type="button"
                          class="button button--secondary"
                          data-testid="vehicle-edit"
                          aria-label={t('vehicles.editOf', { plate: vehicle.plate })}
                          onClick={() => setEditing(vehicle.id)}
                        >
                          {t('vehicles.edit')}
                        </button>
                      )}
                      {editing === vehicle.id && (
                        <>
                          <VehicleForm
                            idPrefix={`edit-${vehicle.id}`}
                            initial={vehicle}
                            submitLabel={t('vehicles.save')}
                            testid="vehicle-edit-form"
                            onSubmit={(plate, color) => send(plate, color, vehicle)}
                          />
                          <button
                            type="button"
                            class="button button--ghost"
                            onClick={() => setEditing(null)}
                          >
                            {t('vehicles.close')}
                          </button>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <a class="button button--secondary" href="#/permits/apply" data-testid="vehicle-apply">
              {t('vehicles.applyPermit')}
            </a>
            <section class="card" aria-labelledby="vehicle-add-title">
              <h2 class="section-title" id="vehicle-add-title">
                {t('vehicles.addTitle')}
              </h2>
              <VehicleForm
                idPrefix="add"
                submitLabel={t('vehicles.add')}
                testid="vehicle-add"
                onSubmit={(plate, color) => send(plate, color)}
              />
            </section>
            <VehicleRequests changes={changes} />
          </>
        )}
      </main>
      {dialog}
    </div>
  );
}

/** The household's requests, the latest first, with the council's answer. */
function VehicleRequests(props: { changes: VehicleChange[] | null }) {
  if (!props.changes) return <Loading />;
  return (
    <section aria-labelledby="vehicle-requests-title">
      <h2 class="section-title" id="vehicle-requests-title">
        {t('vehicles.requests')}
      </h2>
      {props.changes.length === 0 ? (
        <p class="card empty">{t('vehicles.noRequests')}</p>
      ) : (
        <ul class="list">
          {props.changes.map((c) => (
            <li
              class="card resident-item"
              key={c.id}
              data-testid="vehicle-request"
              data-status={c.status}
            >
              <p>
                {t(`vehicles.kind.${c.kind}`)} · <strong>{c.plate}</strong> ·{' '}
                {t(`plateColor.${c.plateColor}`)}
              </p>
              <p class={`request-status request-status--${c.status}`}>
                {t(`vehicles.status.${c.status}`)}
              </p>
              <p class="hint">{t('vehicles.requestedAt', { at: beijingMinute(c.requestedAt) })}</p>
              {c.decisionNote && (
                <p class="resident-answer" data-testid="vehicle-request-answer">
                  {t('vehicles.answer', { note: c.decisionNote })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
