import { useRef, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { useConfirm } from '../../confirm';
import { type MessageKey, t } from '../../i18n';
import { Spinner } from '../../ui';
import type { CarPark } from './sharing-api';

export const PRESETS = {
  office: [
    { days: 'weekdays', from: '19:00', to: '07:30' },
    { days: 'weekends', from: '07:30', to: '07:30' },
  ],
  nightly: [{ days: 'daily', from: '20:00', to: '07:00' }],
  allDay: [{ days: 'daily', from: '00:00', to: '00:00' }],
} as const;
type Preset = keyof typeof PRESETS;

interface Draft {
  carParkId: string;
  title: string;
  places: string;
  preset: Preset | '';
  validFrom: string;
  terms: string;
}
type Field = keyof Draft;
type Problems = Partial<Record<Field, string>>;

/** Today's date in Beijing, whatever the phone's zone: the earliest an offer may start. */
function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

function blank(carParks: CarPark[]): Draft {
  return {
    carParkId: carParks[0]?.id ?? '',
    title: '',
    places: '',
    preset: '',
    validFrom: beijingToday(),
    terms: '',
  };
}

function check(draft: Draft, carParks: CarPark[]): Problems {
  const problems: Problems = {};
  const park = carParks.find((p) => p.id === draft.carParkId);
  if (!park) problems.carParkId = t('publish.error.carPark');
  const title = draft.title.trim();
  if (!title) problems.title = t('publish.error.title');
  else if (title.length > 80) problems.title = t('publish.error.titleLong');
  const places = Number(draft.places);
  const most = park?.totalSpaces ?? 5000;
  if (!draft.places.trim() || !Number.isInteger(places) || places < 1 || places > most)
    problems.places = t('publish.error.places', { most });
  if (!draft.preset) problems.preset = t('publish.error.preset');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom) || draft.validFrom < beijingToday())
    problems.validFrom = t('publish.error.validFrom');
  if (draft.terms.length > 4000) problems.terms = t('publish.error.terms');
  return problems;
}

const ORDER: Field[] = ['carParkId', 'title', 'places', 'preset', 'validFrom', 'terms'];

/**
 * 发布错时共享: each label above its field, every field checked before anything is sent, the
 * offer read back for confirmation, then a line that says it is live.
 */
export function PublishOfferForm(props: {
  carParks: CarPark[];
  onPublished: (title: string) => void;
}) {
  const { carParks } = props;
  const [draft, setDraft] = useState<Draft>(() => blank(carParks));
  const [problems, setProblems] = useState<Problems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { dialog, ask } = useConfirm();

  const set = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  async function submit(event: Event) {
    event.preventDefault();
    setRefusal(null);
    const found = check(draft, carParks);
    setProblems(found);
    const first = ORDER.find((field) => found[field]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const park = carParks.find((p) => p.id === draft.carParkId)!;
    const preset = draft.preset as Preset;
    const yes = await ask({
      title: t('publish.confirm.title'),
      confirmLabel: t('publish.confirm.yes'),
      body: (
        <dl class="confirm-facts" data-testid="publish-summary">
          <dt>{t('sharing.title')}</dt>
          <dd>{draft.title.trim()}</dd>
          <dt>{t('sharing.carPark')}</dt>
          <dd>{park.name}</dd>
          <dt>{t('sharing.places')}</dt>
          <dd>{t('publish.placesValue', { places: Number(draft.places) })}</dd>
          <dt>{t('sharing.hours')}</dt>
          <dd>{t(`sharing.preset.${preset}` as MessageKey)}</dd>
          <dt>{t('publish.validFrom')}</dt>
          <dd>{draft.validFrom}</dd>
          <dd class="confirm-note">{t('publish.confirm.note')}</dd>
        </dl>
      ),
    });
    if (!yes) return;
    setBusy(true);
    try {
      await apiFetch('/api/offers', {
        body: {
          carParkId: draft.carParkId,
          title: draft.title.trim(),
          places: Number(draft.places),
          validFrom: draft.validFrom,
          rules: PRESETS[preset],
          ...(draft.terms.trim() ? { termsText: draft.terms.trim() } : {}),
        },
      });
      props.onPublished(draft.title.trim());
      setDraft(blank(carParks));
    } catch (error) {
      setRefusal(error instanceof ApiError ? error.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field) => ({
    name,
    id: `offer-${name}`,
    'aria-invalid': problems[name] ? ('true' as const) : undefined,
    'aria-describedby': problems[name] ? `offer-${name}-error` : undefined,
    'data-testid': `offer-${name}`,
  });
  const error = (name: Field) =>
    problems[name] ? (
      <span class="field-error" id={`offer-${name}-error`} data-testid={`offer-${name}-error`}>
        {problems[name]}
      </span>
    ) : null;
  const park = carParks.find((p) => p.id === draft.carParkId);

  return (
    <form
      class="card form"
      ref={form}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="publish-form"
    >
      <h2>{t('sharing.unit.publish')}</h2>
      <label class="field">
        <span class="field-label">{t('sharing.carPark')}</span>
        <select
          {...field('carParkId')}
          value={draft.carParkId}
          onChange={(e) => set('carParkId', e.currentTarget.value)}
        >
          {carParks.map((p) => (
            <option value={p.id} key={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {error('carParkId')}
      </label>
      <label class="field">
        <span class="field-label">{t('sharing.title')}</span>
        <input
          {...field('title')}
          value={draft.title}
          maxLength={80}
          placeholder={t('publish.titlePlaceholder')}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
        {error('title')}
      </label>
      <label class="field">
        <span class="field-label">{t('sharing.places')}</span>
        <input
          {...field('places')}
          type="number"
          inputMode="numeric"
          min={1}
          max={park?.totalSpaces}
          value={draft.places}
          onInput={(e) => set('places', e.currentTarget.value)}
        />
        {park && (
          <span class="field-hint">{t('publish.placesHint', { total: park.totalSpaces })}</span>
        )}
        {error('places')}
      </label>
      <label class="field">
        <span class="field-label">{t('sharing.hours')}</span>
        <select
          {...field('preset')}
          value={draft.preset}
          onChange={(e) => set('preset', e.currentTarget.value)}
        >
          <option value="">{t('publish.choose')}</option>
          <option value="office">{t('sharing.preset.office')}</option>
          <option value="nightly">{t('sharing.preset.nightly')}</option>
          <option value="allDay">{t('sharing.preset.allDay')}</option>
        </select>
        {error('preset')}
      </label>
      <label class="field">
        <span class="field-label">{t('publish.validFrom')}</span>
        <input
          {...field('validFrom')}
          type="date"
          min={beijingToday()}
          value={draft.validFrom}
          onInput={(e) => set('validFrom', e.currentTarget.value)}
        />
        {error('validFrom')}
      </label>
      <label class="field">
        <span class="field-label">{t('sharing.terms')}</span>
        <textarea
          {...field('terms')}
          value={draft.terms}
          maxLength={4000}
          onInput={(e) => set('terms', e.currentTarget.value)}
        />
        <span class="field-hint">{t('publish.termsHint')}</span>
        {error('terms')}
      </label>
      {refusal && (
        <p class="form-error" role="alert" data-testid="publish-refusal">
          {refusal}
        </p>
      )}
      <button
        class="button button--primary"
        type="submit"
        disabled={busy}
        data-testid="publish-submit"
      >
        {busy && <Spinner />}
        {t('sharing.unit.publishButton')}
      </button>
      {dialog}
    </form>
  );
}
