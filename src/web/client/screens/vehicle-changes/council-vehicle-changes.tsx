import { useEffect, useState } from 'preact/hooks';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { getHousehold, type Household } from '../households/households-api';
import { beijingMinute } from '../resident/resident-api';
import {
  approveVehicleChange,
  type CouncilVehicleChange,
  decidedVehicleChanges,
  pendingVehicleChanges,
  refuseVehicleChange,
} from './vehicle-changes-api';
import './vehicle-changes.css';

interface Lists {
  pending: CouncilVehicleChange[];
  decided: CouncilVehicleChange[];
  households: Map<string, Household>;
}

/**
 * 车辆登记审核: when the convention makes residents' new cars and plate changes wait for the
 * council (vehicleChangesNeedApproval), the council approves each here (the car enters the
 * register at once) or refuses it with a reason the household reads under 我的车辆.
 */
export function CouncilVehicleChangesScreen() {
  const [lists, setLists] = useState<Lists | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const load = () => {
    setFailed(null);
    Promise.all([pendingVehicleChanges(), decidedVehicleChanges()])
      .then(async ([pending, decided]) => {
        // The request names its household by id; the council reads it by address.
        const ids = [...new Set([...pending.items, ...decided].map((c) => c.householdId))];
        const households = new Map<string, Household>();
        await Promise.all(
          ids.map((id) =>
            getHousehold(id).then(
              (household) => void households.set(id, household),
              () => undefined, // an archived household: the plate still says whose car it is
            ),
          ),
        );
        setLists({ pending: pending.items, decided, households });
      })
      .catch((error: unknown) => setFailed(refusalOf(error)));
  };
  useEffect(load, []);

  async function approve(change: CouncilVehicleChange, note: string) {
    await approveVehicleChange(change.id, note.trim() || undefined);
    setDone(t('vehicleChanges.approved', { plate: change.plate }));
    load();
  }

  /** Refusal cannot be taken back, so it is confirmed first; false when the council stepped back. */
  async function refuse(change: CouncilVehicleChange, reason: string): Promise<boolean> {
    const yes = await ask({
      title: t('vehicleChanges.confirmRefuse', { plate: change.plate }),
      body: (
        <>
          <p>{t('vehicleChanges.confirmRefuseBody')}</p>
          <blockquote class="vehicle-change-reason">{reason}</blockquote>
        </>
      ),
      confirmLabel: t('vehicleChanges.refuse'),
      danger: true,
    });
    if (!yes) return false;
    await refuseVehicleChange(change.id, reason);
    setDone(t('vehicleChanges.refused', { plate: change.plate }));
    load();
    return true;
  }

  return (
    <div class="screen" data-testid="council-vehicle-changes">
      <TopBar title={t('vehicleChanges.title')} back="/home" />
      <main class="content">
        <DoneMessage text={done} testid="vehicle-change-done" />
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!lists && !failed && <Loading />}
        {lists && (
          <>
            <section aria-labelledby="vehicle-changes-pending">
              <h2 class="section-title" id="vehicle-changes-pending">
                {t('vehicleChanges.pending', { count: lists.pending.length })}
              </h2>
              {lists.pending.length === 0 && (
                <p class="card empty">{t('vehicleChanges.nonePending')}</p>
              )}
              <ul class="list">
                {lists.pending.map((change) => (
                  <PendingChange
                    key={change.id}
                    change={change}
                    household={lists.households.get(change.householdId)}
                    onApprove={approve}
                    onRefuse={refuse}
                  />
                ))}
              </ul>
            </section>
            <section aria-labelledby="vehicle-changes-decided">
              <h2 class="section-title" id="vehicle-changes-decided">
                {t('vehicleChanges.decided')}
              </h2>
              {lists.decided.length === 0 && (
                <p class="card empty">{t('vehicleChanges.noneDecided')}</p>
              )}
              <ul class="list">
                {lists.decided.map((change) => (
                  <DecidedChange
                    key={change.id}
                    change={change}
                    household={lists.households.get(change.householdId)}
                  />
                ))}
              </ul>
            </section>
          </>
        )}
      </main>
      {dialog}
    </div>
  );
}

function ChangeHead(props: { change: CouncilVehicleChange; household?: Household }) {
  const { change, household } = props;
  const old =
    change.vehicleId && household?.vehicles.find((vehicle) => vehicle.id === change.vehicleId);
  return (
    <>
      {household && <p class="vehicle-change-household">{household.address}</p>}
      <div class="vehicle-change-plate">
        <span class={`plate plate--${change.plateColor}`}>{change.plate}</span>
        <span class="hint">{t(`plateColor.${change.plateColor}`)}</span>
      </div>
      <p class="hint">
        {change.kind === 'add'
          ? t('vehicleChanges.kindAdd')
          : old && old.plate !== change.plate
            ? t('vehicleChanges.kindEdit', { plate: old.plate })
            : t('vehicleChanges.kindEditUnknown')}
        {' · '}
        {t('vehicleChanges.requestedAt', { time: beijingMinute(change.requestedAt) })}
      </p>
    </>
  );
}

function PendingChange(props: {
  change: CouncilVehicleChange;
  household?: Household;
  onApprove: (change: CouncilVehicleChange, note: string) => Promise<void>;
  onRefuse: (change: CouncilVehicleChange, reason: string) => Promise<boolean>;
}) {
  const { change } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = `vehicle-change-note-${change.id}`;

  async function act(kind: 'approve' | 'refuse') {
    setError(null);
    if (kind === 'refuse' && !note.trim()) {
      setError(t('vehicleChanges.reasonRequired'));
      return;
    }
    setBusy(true);
    try {
      if (kind === 'approve') await props.onApprove(change, note);
      else await props.onRefuse(change, note.trim());
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      class="card vehicle-change"
      data-testid="vehicle-change-pending"
      data-plate={change.plate.replace('·', '')}
    >
      <ChangeHead change={change} household={props.household} />
      <label class="field" for={noteId}>
        <span class="field-label">{t('vehicleChanges.note')}</span>
      </label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={500}
        value={note}
        data-testid="vehicle-change-note"
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      {error && (
        <p class="form-error" role="alert" data-testid="vehicle-change-error">
          {error}
        </p>
      )}
      <div class="vehicle-change-actions">
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          data-testid="vehicle-change-approve"
          aria-label={t('vehicleChanges.approveOf', { plate: change.plate })}
          onClick={() => void act('approve')}
        >
          {t('vehicleChanges.approve')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          data-testid="vehicle-change-refuse"
          aria-label={t('vehicleChanges.refuseOf', { plate: change.plate })}
          onClick={() => void act('refuse')}
        >
          {t('vehicleChanges.refuse')}
        </button>
      </div>
    </li>
  );
}

function DecidedChange(props: { change: CouncilVehicleChange; household?: Household }) {
  const { change } = props;
  return (
    <li
      class="card vehicle-change"
      data-testid="vehicle-change-decided"
      data-plate={change.plate.replace('·', '')}
    >
      <ChangeHead change={change} household={props.household} />
      <p class={`request-status request-status--${change.status}`}>
        {t(`vehicleChanges.status.${change.status}`)}
        {change.decidedAt &&
          ` · ${t('vehicleChanges.decidedAt', { time: beijingMinute(change.decidedAt) })}`}
      </p>
      {change.decisionNote && (
        <p data-testid="vehicle-change-answer">
          {t('vehicleChanges.answer', { note: change.decisionNote })}
        </p>
      )}
    </li>
  );
}
