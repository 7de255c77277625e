import { useState } from 'preact/hooks';
import { apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { useMe } from '../../me';
import { Link } from '../../router';
import { ConfirmButtons, TopBar } from '../../ui';
import './street.css';

interface Draft {
  name: string;
  community: string;
  councilName: string;
  phone: string;
  password: string;
}

const EMPTY: Draft = { name: '', community: '', councilName: '', phone: '', password: '' };

type Step =
  | { at: 'form'; refusal?: string }
  | { at: 'confirm' }
  | { at: 'saving' }
  | { at: 'done'; associationId: string };

/**
 * 新建车友会: the street office founds an association and names its first council member. The
 * two calls are two acts: founding cannot be undone, so it is confirmed first; a council member
 * refused afterwards (a taken phone) is said so, and can be added again to the same association.
 */
export function OnboardAssociationScreen() {
  const { state: meState } = useMe();
  const street = meState.status === 'ready' ? meState.me.streetOffice : '';
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const [founded, setFounded] = useState<{ id: string; name: string } | null>(null);
  const set = (field: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  async function save() {
    setStep({ at: 'saving' });
    try {
      const association =
        founded && founded.name === draft.name.trim()
          ? founded
          : await apiFetch<{ id: string; name: string }>('/api/associations', {
              method: 'POST',
              body: { name: draft.name.trim(), community: draft.community.trim() },
            });
      setFounded(association);
      try {
        await apiFetch(`/api/associations/${association.id}/council`, {
          method: 'POST',
          body: {
            name: draft.councilName.trim(),
            phone: draft.phone.trim(),
            password: draft.password,
          },
        });
      } catch (error) {
        setStep({ at: 'form', refusal: t('onboard.councilFailed', { message: messageOf(error) }) });
        return;
      }
      setStep({ at: 'done', associationId: association.id });
    } catch (error) {
      setStep({ at: 'form', refusal: messageOf(error) });
    }
  }

  return (
    <div class="screen" data-testid="onboard">
      <TopBar title={t('onboard.title')} />
      <main class="content">
        {step.at === 'done' ? (
          <section class="card street-done" data-testid="onboard-done">
            <p role="status">
              {t('onboard.done', {
                name: draft.name.trim(),
                council: draft.councilName.trim(),
                phone: draft.phone.trim(),
              })}
            </p>
            <div class="street-actions">
              <Link to="/street" class="button button--primary">
                {t('onboard.toOverview')}
              </Link>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setDraft(EMPTY);
                  setFounded(null);
                  setStep({ at: 'form' });
                }}
              >
                {t('onboard.another')}
              </button>
            </div>
          </section>
        ) : step.at === 'form' ? (
          <form
            class="card street-form"
            data-testid="onboard-form"
            onSubmit={(event) => {
              event.preventDefault();
              setStep({ at: 'confirm' });
            }}
          >
            <p class="hint">{t('onboard.hint')}</p>
            <Field label={t('onboard.name')} value={draft.name} onInput={set('name')} id="name" />
            <Field
              label={t('onboard.community')}
              value={draft.community}
              onInput={set('community')}
              id="community"
            />
            <fieldset>
              <legend>{t('onboard.council')}</legend>
              <Field
                label={t('onboard.councilName')}
                value={draft.councilName}
                onInput={set('councilName')}
                id="council-name"
              />
              <Field
                label={t('onboard.councilPhone')}
                value={draft.phone}
                onInput={set('phone')}
                id="council-phone"
                type="tel"
                pattern="1[0-9]{10}"
              />
              <Field
                label={t('onboard.councilPassword')}
                value={draft.password}
                onInput={set('password')}
                id="council-password"
                type="password"
                minLength={10}
              />
            </fieldset>
            {step.refusal && (
              <p class="form-error" role="alert" data-testid="onboard-refusal">
                {step.refusal}
              </p>
            )}
            <button type="submit" class="button button--primary" data-testid="onboard-next">
              {t('onboard.next')}
            </button>
          </form>
        ) : (
          <section class="card street-form" data-testid="onboard-confirm">
            <h2 class="card-title">{t('onboard.confirmTitle')}</h2>
            <p>
              {t('onboard.confirmText', {
                street,
                name: draft.name.trim(),
                community: draft.community.trim(),
                council: draft.councilName.trim(),
                phone: draft.phone.trim(),
              })}
            </p>
            <ConfirmButtons
              class="street-actions"
              testId="onboard-confirm-button"
              saving={step.at === 'saving'}
              confirm={t('onboard.confirm')}
              savingLabel={t('onboard.saving')}
              edit={t('onboard.edit')}
              onConfirm={() => void save()}
              onEdit={() => setStep({ at: 'form' })}
            />
          </section>
        )}
      </main>
    </div>
  );
}

function Field(props: {
  label: string;
  value: string;
  onInput: (event: Event) => void;
  id: string;
  type?: string;
  pattern?: string;
  minLength?: number;
}) {
  const id = `onboard-${props.id}`;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        data-testid={id}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={props.onInput}
        required
        pattern={props.pattern}
        minLength={props.minLength}
        autocomplete="off"
      />
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : t('error.network');
}
