import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import type { PlateColor } from '../me';
import { LoadFailed, Loading, Spinner, TopBar } from '../ui';
import {
  beijingDateTime,
  fromBeijingInput,
  listPermits,
  type Permit,
  permitAction,
  refusalOf,
  toBeijingInput,
  type VisitorPass,
} from './permits-api';
import { FormFooter, NoteField, PlateField } from './form-parts';
import { GuestLink } from './guest-link';
import './permits.css';
import './permit-screens.css';

const COLORS: readonly PlateColor[] = ['blue', 'green', 'yellow', 'white', 'black'];
const QUICK_HOURS = [2, 4, 8, 24];
const WITHDRAWABLE = new Set(['active', 'scheduled']);

interface Limits {
  perMonth: number;
  maxHours: number;
}

/** 访客通行证: a household issues a pass for a guest's car and sends them the link. */
export function VisitorPassesScreen() {
  const [limits, setLimits] = useState<Limits | null>(null);
  const [passes, setPasses] = useState<Permit[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [issued, setIssued] = useState<VisitorPass | null>(null);

  const load = () => {
    setFailed(null);
    listPermits({ kind: 'visitor' }).then(
      (page) => setPasses(page.items),
      (error: unknown) => setFailed(refusalOf(error)),
    );
  };
  useEffect(() => {
    load();
    // The convention in force sets the quota (article 4 in the demo); with none in force the
    // server applies its defaults and says so when it refuses.
    apiFetch<{ parameters: { visitorPassesPerMonth?: number; visitorPassMaxHours?: number } }>(
      '/api/conventions/current',
    ).then(
      ({ parameters }) =>
        setLimits({
          perMonth: parameters.visitorPassesPerMonth ?? 0,
          maxHours: parameters.visitorPassMaxHours ?? 24,
        }),
      () => setLimits(null),
    );
  }, []);

  const onIssued = (pass: VisitorPass) => {
    setIssued(pass);
    setPasses((list) => [pass.permit, ...(list ?? [])]);
  };
  const replace = (next: Permit) =>
    setPasses((list) => list?.map((p) => (p.id === next.id ? next : p)) ?? null);

  return (
    <div class="screen" data-testid="visitor-passes">
      <TopBar title={t('visitor.title')} />
      <main class="content">
        {limits && (
          <p class="hint" data-testid="visitor-limits">
            {t('visitor.limits', { perMonth: limits.perMonth, maxHours: limits.maxHours })}
          </p>
        )}
        {issued ? (
          <IssuedPass pass={issued} onAnother={() => setIssued(null)} />
        ) : (
          <IssueForm maxHours={limits?.maxHours ?? 24} onIssued={onIssued} />
        )}
        <h2 class="section-title">{t('visitor.list')}</h2>
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !passes && <Loading />}
        {passes && passes.length === 0 && <p class="card empty">{t('visitor.none')}</p>}
        <ul class="list">
          {passes?.map((pass) => (
            <PassRow key={pass.id} pass={pass} onChange={replace} />
          ))}
        </ul>
      </main>
    </div>
  );
}

function IssueForm(props: { maxHours: number; onIssued: (pass: VisitorPass) => void }) {
  const [plate, setPlate] = useState('');
  const [color, setColor] = useState<PlateColor>('blue');
  const [from, setFrom] = useState(toBeijingInput(new Date()));
  const [hours, setHours] = useState(Math.min(4, props.maxHours));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const until = from
    ? beijingDateTime(new Date(Date.parse(fromBeijingInput(from)) + hours * 3600e3).toISOString())
    : '';

  async function issue(event: Event) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      props.onIssued(
        await apiFetch<VisitorPass>('/api/visitor-passes', {
          method: 'POST',
          body: {
            plate: plate.trim(),
            plateColor: color,
            validFrom: fromBeijingInput(from),
            hours,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card council-form" onSubmit={(e) => void issue(e)} data-testid="visitor-form">
      <PlateField
        label={t('visitor.plate')}
        value={plate}
        onInput={setPlate}
        testid="visitor-plate"
      />
      <div class="chips" role="radiogroup" aria-label={t('visitor.color')}>
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={color === c}
            class={`chip${color === c ? ' chip--on' : ''}`}
            onClick={() => setColor(c)}
          >
            {t(`plateColor.${c}`)}
          </button>
        ))}
      </div>
      <label class="field">
        <span class="field-label">{t('visitor.from')}</span>
        <input
          type="datetime-local"
          value={from}
          required
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('visitor.hours', { max: props.maxHours })}</span>
        <input
          type="number"
          inputMode="numeric"
          min="1"
          value={hours}
          required
          onInput={(e) => setHours(Number(e.currentTarget.value))}
          data-testid="visitor-hours"
        />
      </label>
      <div class="chips">
        {QUICK_HOURS.filter((h) => h <= props.maxHours).map((h) => (
          <button
            key={h}
            type="button"
            class={`chip${hours === h ? ' chip--on' : ''}`}
            onClick={() => setHours(h)}
          >
            {t('visitor.hoursChip', { hours: h })}
          </button>
        ))}
      </div>
      {until && <p class="hint">{t('visitor.until', { until })}</p>}
      <NoteField
        label={t('visitor.note')}
        placeholder={t('visitor.notePlaceholder')}
        value={note}
        onInput={setNote}
      />
      <FormFooter
        refusal={refusal}
        refusalTestid="visitor-refusal"
        busy={busy}
        submitTestid="visitor-issue"
      >
        {busy ? t('visitor.issuing') : t('visitor.issue')}
      </FormFooter>
    </form>
  );
}

function IssuedPass(props: { pass: VisitorPass; onAnother: () => void }) {
  const { pass } = props;
  const left = Math.max(0, pass.quota - pass.usedThisMonth);
  return (
    <div class="card permit" data-testid="visitor-issued">
      <div class="card-title">{t('visitor.issued', { plate: pass.permit.plate })}</div>
      <span>
        {beijingDateTime(pass.permit.validFrom)} – {beijingDateTime(pass.permit.validTo)}
      </span>
      <span class="visitor-quota" data-testid="visitor-quota">
        {t('visitor.quota', { used: pass.usedThisMonth, quota: pass.quota, left })}
      </span>
      <GuestLink path={pass.guestUrl} />
      <button type="button" class="button button--secondary" onClick={props.onAnother}>
        {t('visitor.another')}
      </button>
    </div>
  );
}

function PassRow(props: { pass: Permit; onChange: (pass: Permit) => void }) {
  const { pass } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function withdraw() {
    setBusy(true);
    setRefusal(null);
    try {
      props.onChange(
        await permitAction(pass.id, 'revoke', { reason: t('visitor.withdrawReason') }),
      );
      setConfirming(false);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card permit" data-testid="visitor-pass" data-status={pass.status}>
      <span class="plate">{pass.plate}</span>
      <span class={`permit-status permit-status--${pass.status}`}>
        {t(`permits.status.${pass.status}`)} · No.{pass.number}
      </span>
      <span>
        {beijingDateTime(pass.validFrom)} – {beijingDateTime(pass.validTo)}
      </span>
      {pass.note && <span class="hint">{pass.note}</span>}
      {refusal && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      {WITHDRAWABLE.has(pass.status) && (
        <div class="permit-actions">
          {confirming ? (
            <>
              <button
                type="button"
                class="button button--primary"
                disabled={busy}
                onClick={() => void withdraw()}
                data-testid="visitor-withdraw-confirm"
              >
                {busy && <Spinner />}
                {t('visitor.withdrawConfirm')}
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setConfirming(false)}
              >
                {t('councilPermits.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setConfirming(true)}
              data-testid="visitor-withdraw"
            >
              {t('visitor.withdraw')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
