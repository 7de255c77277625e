import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import { useMe } from '../../me';
import { Link } from '../../router';
import { ConfirmButtons, TopBar } from '../../ui';
import { loadOverview } from '../street/street-api';
import { FormField } from '../../form-field';
import { registerUnit, UNIT_KINDS, type UnitKind, WINDOW_DAYS } from './units-api';
import './units.css';

interface Draft {
  associationId: string;
  name: string;
  kind: UnitKind;
  address: string;
  termFrom: string;
  termTo: string;
  places: string;
  days: (typeof WINDOW_DAYS)[number];
  from: string;
  to: string;
  liability: string;
  contactName: string;
  contactPhone: string;
  signedOn: string;
  feePercent: string;
}

const EMPTY: Draft = {
  associationId: '',
  name: '',
  kind: 'office',
  address: '',
  termFrom: '',
  termTo: '',
  places: '',
  days: 'weekdays',
  from: '19:00',
  to: '07:30',
  liability: '',
  contactName: '',
  contactPhone: '',
  signedOn: '',
  feePercent: '0',
};

type Step =
  | { at: 'form'; refusal?: string }
  | { at: 'confirm' }
  | { at: 'saving' }
  | { at: 'done'; unitId: string };

/**
 * 登记驻区单位: the street office (for any association of its street) or the council (for its
 * own) records a unit with the agreement both sides signed. Agreements are kept as signed, so
 * the registration is confirmed first.
 */
export function RegisterUnitScreen() {
  const { state: me } = useMe();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const [associations, setAssociations] = useState<{ id: string; name: string }[]>([]);
  const own = me.status === 'ready' ? me.me.association : null;

  useEffect(() => {
    if (me.status !== 'ready') return;
    if (own) {
      setAssociations([{ id: own.id, name: own.name }]);
      setDraft((d) => ({ ...d, associationId: own.id }));
      return;
    }
    loadOverview()
      .then((overview) => {
        const list = overview.associations.map((a) => ({ id: a.id, name: a.name }));
        setAssociations(list);
        setDraft((d) => ({ ...d, associationId: d.associationId || list[0]?.id || '' }));
      })
      .catch(() => setStep({ at: 'form', refusal: t('error.network') }));
  }, [me.status]);

  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const associationName = associations.find((a) => a.id === draft.associationId)?.name ?? '';

  async function save() {
    setStep({ at: 'saving' });
    try {
      const unit = await registerUnit({
        associationId: draft.associationId,
        name: draft.name.trim(),
        kind: draft.kind,
        address: draft.address.trim(),
        agreement: {
          termFrom: draft.termFrom,
          termTo: draft.termTo,
          places: Number(draft.places),
          windows: [{ days: draft.days, from: draft.from, to: draft.to }],
          liability: draft.liability.trim(),
          contactName: draft.contactName.trim(),
          contactPhone: draft.contactPhone.trim(),
          signedOn: draft.signedOn,
          associationFeePercent: Number(draft.feePercent || '0'),
        },
      });
      setStep({ at: 'done', unitId: unit.id });
    } catch (error) {
      setStep({
        at: 'form',
        refusal: error instanceof ApiError ? error.message : t('error.network'),
      });
    }
  }

  return (
    <div class="screen" data-testid="register-unit">
      <TopBar title={t('units.register')} back="/units" />
      <main class="content">
        {step.at === 'done' ? (
          <section class="card" data-testid="register-unit-done">
            <p role="status">{t('units.done', { name: draft.name.trim() })}</p>
            <Link to={`/units/${step.unitId}`} class="button button--primary">
              {t('units.toUnit')}
            </Link>
          </section>
        ) : step.at === 'form' ? (
          <form
            class="card unit-form"
            data-testid="register-unit-form"
            onSubmit={(event) => {
              event.preventDefault();
              setStep({ at: 'confirm' });
            }}
          >
            {!own && (
              <div class="field">
                <label class="field-label" for="unit-association">
                  {t('units.association')}
                </label>
                <select
                  id="unit-association"
                  data-testid="unit-association"
                  value={draft.associationId}
                  required
                  onChange={(e) => set('associationId')(e.currentTarget.value)}
                >
                  {associations.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <FormField
              label={t('units.name')}
              id="unit-name"
              value={draft.name}
              onInput={set('name')}
              required
              maxLength={80}
            />
            <div class="field">
              <label class="field-label" for="unit-kind">
                {t('units.kind')}
              </label>
              <select
                id="unit-kind"
                data-testid="unit-kind"
                value={draft.kind}
                onChange={(e) => set('kind')(e.currentTarget.value)}
              >
                {UNIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`units.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <FormField
              label={t('units.address')}
              id="unit-address"
              value={draft.address}
              onInput={set('address')}
              maxLength={200}
            />
            <fieldset>
              <legend>{t('units.agreement')}</legend>
              <div class="unit-stack">
                <FormField
                  label={t('units.termFrom')}
                  id="unit-term-from"
                  type="date"
                  value={draft.termFrom}
                  onInput={set('termFrom')}
                  required
                />
                <FormField
                  label={t('units.termTo')}
                  id="unit-term-to"
                  type="date"
                  value={draft.termTo}
                  onInput={set('termTo')}
                  required
                />
              </div>
              <FormField
                label={t('units.places')}
                id="unit-places"
                type="number"
                inputMode="numeric"
                min={1}
                max={5000}
                value={draft.places}
                onInput={set('places')}
                required
              />
              <div class="field">
                <label class="field-label" for="unit-days">
                  {t('units.window')}：{t('units.days')}
                </label>
                <select
                  id="unit-days"
                  data-testid="unit-days"
                  value={draft.days}
                  onChange={(e) => set('days')(e.currentTarget.value)}
                >
                  {WINDOW_DAYS.map((days) => (
                    <option key={days} value={days}>
                      {t(`units.days.${days}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="unit-stack">
                <FormField
                  label={t('units.from')}
                  id="unit-from"
                  type="time"
                  value={draft.from}
                  onInput={set('from')}
                  required
                />
                <FormField
                  label={t('units.to')}
                  id="unit-to"
                  type="time"
                  value={draft.to}
                  onInput={set('to')}
                  required
                />
              </div>
              <div class="field">
                <label class="field-label" for="unit-liability">
                  {t('units.liability')}
                </label>
                <textarea
                  id="unit-liability"
                  data-testid="unit-liability"
                  rows={3}
                  required
                  maxLength={4000}
                  value={draft.liability}
                  onInput={(e) => set('liability')(e.currentTarget.value)}
                />
              </div>
              <FormField
                label={t('units.contactName')}
                id="unit-contact-name"
                value={draft.contactName}
                onInput={set('contactName')}
                required
                maxLength={60}
              />
              <FormField
                label={t('units.contactPhone')}
                id="unit-contact-phone"
                type="tel"
                value={draft.contactPhone}
                onInput={set('contactPhone')}
                required
              />
              <FormField
                label={t('units.signedOn')}
                id="unit-signed-on"
                type="date"
                value={draft.signedOn}
                onInput={set('signedOn')}
                required
              />
              <FormField
                label={t('units.feePercent')}
                id="unit-fee-percent"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={draft.feePercent}
                onInput={set('feePercent')}
              />
            </fieldset>
            {step.refusal && (
              <p class="form-error" role="alert" data-testid="register-unit-refusal">
                {step.refusal}
              </p>
            )}
            <button type="submit" class="button button--primary" data-testid="register-unit-next">
              {t('units.next')}
            </button>
          </form>
        ) : (
          <section class="card unit-form" data-testid="register-unit-confirm">
            <h2 class="card-title">{t('units.confirmTitle')}</h2>
            <p>
              {t('units.confirmText', {
                association: associationName,
                name: draft.name.trim(),
                places: draft.places,
                from: draft.termFrom,
                to: draft.termTo,
                signedOn: draft.signedOn,
              })}
            </p>
            <ConfirmButtons
              class="unit-actions"
              testId="register-unit-confirm-button"
              saving={step.at === 'saving'}
              confirm={t('units.confirm')}
              savingLabel={t('units.saving')}
              edit={t('units.edit')}
              onConfirm={() => void save()}
              onEdit={() => setStep({ at: 'form' })}
            />
          </section>
        )}
      </main>
    </div>
  );
}
