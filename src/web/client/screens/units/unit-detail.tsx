import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import type { ScreenProps } from '../../router';
import { LoadFailed, Loading, Spinner, TopBar } from '../../ui';
import { FormField } from '../../form-field';
import { addUnitStaff, type Agreement, loadUnit, type ResidentUnitDetail } from './units-api';
import './units.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; unit: ResidentUnitDetail }
  | { status: 'failed'; message: string };

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : t('error.network');

/** A resident unit: every version of its agreement, and its staff accounts (opened here). */
export function UnitDetailScreen({ params }: ScreenProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = () => {
    loadUnit(params.id!)
      .then((unit) => setState({ status: 'ready', unit }))
      .catch((error: unknown) => setState({ status: 'failed', message: messageOf(error) }));
  };
  useEffect(load, [params.id]);

  return (
    <div class="screen" data-testid="unit-detail">
      <TopBar
        title={state.status === 'ready' ? state.unit.name : t('units.detail')}
        back="/units"
      />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={load} />}
        {state.status === 'ready' && (
          <>
            <section class="card">
              <h2 class="card-title">{t('units.history')}</h2>
              <p class="hint">
                {t(`units.kind.${state.unit.kind}`)} · {state.unit.associationName}
                {state.unit.address ? ` · ${state.unit.address}` : ''}
              </p>
              {state.unit.history.map((agreement) => (
                <AgreementVersion key={agreement.version} agreement={agreement} />
              ))}
            </section>
            <StaffSection unit={state.unit} onAdded={load} />
          </>
        )}
      </main>
    </div>
  );
}

/** One signed version of a unit's agreement, as both sides signed it. */
export function AgreementVersion({ agreement }: { agreement: Agreement }) {
  return (
    <div class="unit-version" data-testid="agreement-version">
      <h3 class="card-title">{t('units.version', { version: agreement.version })}</h3>
      <p>
        {t('units.agreementLine', {
          version: agreement.version,
          from: agreement.termFrom,
          to: agreement.termTo,
          places: agreement.places,
        })}
      </p>
      {agreement.windows.map((w, i) => (
        <p key={i}>
          {t('units.windowLine', {
            days: w.days === 'custom' ? (w.weekdays ?? []).join('、') : t(`units.days.${w.days}`),
            from: w.from,
            to: w.to,
          })}
        </p>
      ))}
      <p>
        {t('units.signedLine', {
          signedOn: agreement.signedOn,
          contact: agreement.contactName,
          phone: agreement.contactPhone,
        })}
      </p>
      {agreement.associationFeePercent > 0 && (
        <p>{t('units.feeLine', { percent: agreement.associationFeePercent })}</p>
      )}
      <p class="hint">{agreement.liability}</p>
    </div>
  );
}

function StaffSection(props: { unit: ResidentUnitDetail; onAdded: () => void }) {
  const [draft, setDraft] = useState({ name: '', phone: '', password: '' });
  const [status, setStatus] = useState<
    | { at: 'idle' }
    | { at: 'saving' }
    | { at: 'done'; text: string }
    | { at: 'refused'; text: string }
  >({ at: 'idle' });

  async function save() {
    setStatus({ at: 'saving' });
    try {
      const person = { name: draft.name.trim(), phone: draft.phone.trim() };
      await addUnitStaff(props.unit.id, { ...person, password: draft.password });
      setDraft({ name: '', phone: '', password: '' });
      setStatus({ at: 'done', text: t('units.staffDone', person) });
      props.onAdded();
    } catch (error) {
      setStatus({ at: 'refused', text: messageOf(error) });
    }
  }

  return (
    <section class="card unit-form" data-testid="unit-staff">
      <h2 class="card-title">{t('units.staff')}</h2>
      {props.unit.staff.length === 0 ? (
        <p class="hint">{t('units.noStaff')}</p>
      ) : (
        <ul class="unit-list" data-testid="unit-staff-list">
          {props.unit.staff.map((person) => (
            <li key={person.id}>
              {person.name} · {person.phone}
            </li>
          ))}
        </ul>
      )}
      <form
        class="unit-form"
        data-testid="unit-staff-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h3 class="card-title">{t('units.addStaff')}</h3>
        <p class="hint">{t('units.staffHint')}</p>
        <FormField
          label={t('units.staffName')}
          id="staff-name"
          value={draft.name}
          onInput={(name) => setDraft({ ...draft, name })}
          required
          maxLength={60}
        />
        <FormField
          label={t('units.staffPhone')}
          id="staff-phone"
          type="tel"
          pattern="1[0-9]{10}"
          value={draft.phone}
          onInput={(phone) => setDraft({ ...draft, phone })}
          required
        />
        <FormField
          label={t('units.staffPassword')}
          id="staff-password"
          type="password"
          minLength={10}
          value={draft.password}
          onInput={(password) => setDraft({ ...draft, password })}
          required
        />
        {status.at === 'refused' && (
          <p class="form-error" role="alert" data-testid="unit-staff-refusal">
            {status.text}
          </p>
        )}
        {status.at === 'done' && (
          <p role="status" data-testid="unit-staff-done">
            {status.text}
          </p>
        )}
        <button
          type="submit"
          class="button button--primary"
          data-testid="unit-staff-save"
          disabled={status.at === 'saving'}
          aria-busy={status.at === 'saving'}
        >
          {status.at === 'saving' ? (
            <>
              <Spinner label={t('units.staffSaving')} /> {t('units.staffSaving')}
            </>
          ) : (
            t('units.staffSave')
          )}
        </button>
      </form>
    </section>
  );
}
