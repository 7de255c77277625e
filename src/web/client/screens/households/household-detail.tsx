import { useEffect, useState } from 'preact/hooks';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import type { ScreenProps } from '../../router';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { HouseholdMembers } from './household-members';
import { HouseholdVehicles } from './household-vehicles';
import { archiveHousehold, changeAddress, getHousehold, type Household } from './households-api';
import { LaneSelect } from './lane-select';
import './households.css';

/** One household as the council keeps it: its door, its members, its vehicles. */
export function HouseholdDetailScreen(props: ScreenProps) {
  const id = props.params.id ?? '';
  const session = useSession();
  const [household, setHousehold] = useState<Household | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  useEffect(() => {
    let live = true;
    setFailed(null);
    getHousehold(id).then(
      (found) => live && setHousehold(found),
      (error: unknown) => live && setFailed(refusalOf(error)),
    );
    return () => void (live = false);
  }, [id, reloads]);

  const changed = (text: string) => {
    setDone(text);
    setReloads((n) => n + 1);
  };

  async function archive() {
    if (!household) return;
    const yes = await ask({
      title: t('household.archiveTitle', { address: household.address }),
      body: <p>{t('household.archiveBody')}</p>,
      confirmLabel: t('household.archiveConfirm'),
      danger: true,
    });
    if (!yes) return;
    try {
      await archiveHousehold(household.id);
      navigate('/council/households');
    } catch (error) {
      setDone(null);
      setFailed(refusalOf(error));
    }
  }

  return (
    <div class="screen" data-testid="household-detail">
      <TopBar title={household?.address ?? t('household.title')} back="/council/households" />
      <main class="content">
        {failed && <LoadFailed message={failed} onRetry={() => setReloads((n) => n + 1)} />}
        {!failed && !household && <Loading />}
        <DoneMessage text={done} />
        {household && (
          <>
            <AddressForm household={household} onSaved={changed} />
            <HouseholdMembers
              householdId={household.id}
              members={household.members}
              selfId={session?.member.id ?? ''}
              onChanged={changed}
            />
            <HouseholdVehicles
              householdId={household.id}
              vehicles={household.vehicles}
              onChanged={changed}
            />
            <button
              type="button"
              class="button button--danger"
              data-testid="household-archive"
              onClick={() => void archive()}
            >
              {t('household.archive')}
            </button>
          </>
        )}
        {dialog}
      </main>
    </div>
  );
}

function AddressForm(props: { household: Household; onSaved: (done: string) => void }) {
  const [address, setAddress] = useState(props.household.address);
  const [laneId, setLaneId] = useState(props.household.laneId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setAddress(props.household.address), [props.household.address]);
  useEffect(() => setLaneId(props.household.laneId ?? ''), [props.household.laneId]);
  const unchanged =
    address.trim() === props.household.address && laneId === (props.household.laneId ?? '');

  async function save(event: Event) {
    event.preventDefault();
    const wanted = address.trim();
    if (!wanted) return setError(t('households.addressRequired'));
    setBusy(true);
    setError(null);
    try {
      const saved = await changeAddress(props.household.id, wanted, laneId);
      props.onSaved(t('household.addressSaved', { address: saved.address }));
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" data-testid="household-address" onSubmit={(e) => void save(e)}>
      <label class="field">
        <span class="field-label">{t('household.address')}</span>
        <input
          value={address}
          maxLength={120}
          required
          data-testid="household-address-input"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <LaneSelect value={laneId} onChange={setLaneId} testId="household-lane" />
      {error && (
        <p class="form-error" role="alert" data-testid="household-address-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        class="button button--secondary"
        disabled={busy || unchanged}
        data-testid="household-address-save"
      >
        {busy ? t('member.saving') : t('household.saveAddress')}
      </button>
    </form>
  );
}
