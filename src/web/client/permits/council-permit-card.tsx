import { useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { type MessageKey, t } from '../i18n';
import { Spinner } from '../ui';
import {
  beijingDateTime,
  fromBeijingInput,
  openPermitCard,
  type Permit,
  type PermitEvent,
  permitAction,
  refusalOf,
  toBeijingInput,
} from './permits-api';
import { PAYMENT_METHODS } from '../../../shared/api/payments';
import { PERMIT_EVENT_TYPES } from '../../../shared/api/permits';

const DAY_MS = 86_400_000;

/** A council action that needs more than one tap: what it asks for before it is sent. */
type FormAction = 'reject' | 'payment' | 'suspend' | 'reinstate' | 'revoke' | 'renew';

function actionsFor(permit: Permit): FormAction[] {
  const unpaid = permit.feeCny > 0 && !permit.feePaidAt;
  switch (permit.status) {
    case 'pending':
      return unpaid ? ['payment', 'reject'] : ['reject'];
    case 'active':
    case 'scheduled':
      return [...(unpaid ? (['payment'] as const) : []), 'suspend', 'renew', 'revoke'];
    case 'suspended':
      return ['reinstate', 'revoke'];
    case 'expired':
      return ['renew'];
    case 'rejected':
    case 'revoked':
      return [];
  }
}

/** One permit on the council's approval screen: its facts, what the council may do, its ledger. */
export function CouncilPermitCard(props: {
  permit: Permit;
  /** the household's address, when known */
  address?: string;
  onChange: (permit: Permit) => void;
}) {
  const { permit } = props;
  const [form, setForm] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [events, setEvents] = useState<PermitEvent[] | null>(null);
  const [showLedger, setShowLedger] = useState(false);

  async function run(action: string, body: object = {}) {
    setBusy(action);
    setRefusal(null);
    try {
      props.onChange(await permitAction(permit.id, action, body));
      setForm(null);
      if (showLedger) await loadLedger();
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(null);
    }
  }

  async function loadLedger() {
    try {
      setEvents(await apiFetch<PermitEvent[]>(`/api/permits/${permit.id}/events`));
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  }

  function toggleLedger() {
    setShowLedger(!showLedger);
    if (!showLedger) void loadLedger();
  }

  const printable = !['pending', 'rejected', 'revoked'].includes(permit.status);
  return (
    <li
      class="card permit council-permit"
      data-testid="council-permit"
      data-plate={permit.plate.replace('·', '')}
      data-status={permit.status}
    >
      <div class="council-permit-head">
        <span class="plate">{permit.plate}</span>
        <span class={`permit-status permit-status--${permit.status}`}>
          {t(`permits.status.${permit.status}`)}
        </span>
      </div>
      <span class="hint">
        {props.address && `${props.address} · `}
        {t(`permits.kind.${permit.kind}`)} · No.{permit.number}
      </span>
      <span>
        {t('councilPermits.validity', {
          from: beijingDateTime(permit.validFrom).slice(0, 10),
          to: beijingDateTime(permit.validTo).slice(0, 10),
        })}
      </span>
      {permit.feeCny > 0 && (
        <span>
          {t('councilPermits.fee', { amount: permit.feeCny })} ·{' '}
          {permit.feePaidAt ? t('councilPermits.feePaid') : t('councilPermits.feeUnpaid')}
          {permit.paidCny > 0 && ` · ${t('payments.paid', { amount: permit.paidCny })}`}
        </span>
      )}
      {permit.status === 'suspended' && permit.suspendedUntil && (
        <span class="council-suspension">
          {t('councilPermits.suspendedUntil', { until: beijingDateTime(permit.suspendedUntil) })}
          {permit.suspensionReason ? ` · ${permit.suspensionReason}` : ''}
        </span>
      )}
      {permit.note && <span class="hint">{permit.note}</span>}

      {refusal && (
        <p class="form-error" role="alert" data-testid="permit-refusal">
          {refusal}
        </p>
      )}

      <div class="permit-actions">
        {permit.status === 'pending' && (
          <button
            type="button"
            class="button button--primary"
            disabled={busy !== null}
            onClick={() => void run('approve')}
            data-testid="permit-approve"
          >
            {busy === 'approve' && <Spinner />}
            {t('councilPermits.approve')}
          </button>
        )}
        {actionsFor(permit).map((action) => (
          <button
            key={action}
            type="button"
            class="button button--secondary"
            aria-expanded={form === action}
            disabled={busy !== null}
            onClick={() => setForm(form === action ? null : action)}
            data-testid={`permit-${action}`}
          >
            {t(`councilPermits.action.${action}` as MessageKey)}
          </button>
        ))}
        {printable && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void openPermitCard(permit.id).catch((e) => setRefusal(refusalOf(e)))}
          >
            {t('councilPermits.card')}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={showLedger}
          onClick={toggleLedger}
          data-testid="permit-ledger-toggle"
        >
          {t('councilPermits.ledger')}
        </button>
      </div>

      {form && (
        <ActionForm
          action={form}
          permit={permit}
          busy={busy === form}
          onCancel={() => setForm(null)}
          onSubmit={(action, body) => void run(action, body)}
        />
      )}

      {showLedger && (
        <ol class="ledger" data-testid="permit-ledger">
          {!events && <Spinner />}
          {events?.map((event) => (
            <li key={event.id}>
              <strong>{eventLabel(event.type)}</strong> · {beijingDateTime(event.at)} ·{' '}
              {event.actorName ?? t('councilPermits.system')}
              {event.reason && <div class="hint">{event.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

const EVENT_TYPES: ReadonlySet<string> = new Set(PERMIT_EVENT_TYPES);

function eventLabel(type: string): string {
  return EVENT_TYPES.has(type) ? t(`councilPermits.event.${type}` as MessageKey) : type;
}

/** The few fields an action needs (a reason, a date, an amount), then one confirm button. */
function ActionForm(props: {
  action: FormAction;
  permit: Permit;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (action: string, body: object) => void;
}) {
  const { action, permit } = props;
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(String(Math.max(permit.feeCny - permit.paidCny, 0)));
  const [method, setMethod] = useState('cash');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [until, setUntil] = useState(toBeijingInput(new Date(Date.now() + 7 * DAY_MS)));
  const [renewTo, setRenewTo] = useState(
    toBeijingInput(new Date(Math.max(Date.parse(permit.validTo), Date.now()) + 365 * DAY_MS)),
  );
  const needsReason = action !== 'payment' && action !== 'renew';

  function submit(event: Event) {
    event.preventDefault();
    switch (action) {
      case 'payment':
        return props.onSubmit('payment', {
          amountCny: Number(amount),
          method,
          receiptNumber: receiptNumber.trim() || undefined,
          note: reason || undefined,
        });
      case 'suspend':
        return props.onSubmit('suspend', { until: fromBeijingInput(until), reason });
      case 'renew':
        return props.onSubmit('renew', { validTo: fromBeijingInput(renewTo) });
      case 'reject':
      case 'reinstate':
      case 'revoke':
        return props.onSubmit(action, { reason });
    }
  }

  return (
    <form class="council-form" onSubmit={submit} data-testid={`permit-form-${action}`}>
      {action === 'payment' && (
        <label class="field">
          <span class="field-label">{t('councilPermits.amount')}</span>
          <input
            type="number"
            min="0.01"
            step="0.01"
            inputMode="decimal"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
            required
          />
        </label>
      )}
      {action === 'payment' && (
        <label class="field">
          <span class="field-label">{t('payments.method')}</span>
          <select value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`payments.method.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'payment' && (
        <label class="field">
          <span class="field-label">{t('payments.receiptInput')}</span>
          <input
            value={receiptNumber}
            maxLength={40}
            onInput={(e) => setReceiptNumber(e.currentTarget.value)}
            data-testid="permit-form-receipt-number"
          />
        </label>
      )}
      {action === 'suspend' && (
        <label class="field">
          <span class="field-label">{t('councilPermits.until')}</span>
          <input
            type="datetime-local"
            value={until}
            onInput={(e) => setUntil(e.currentTarget.value)}
            required
          />
        </label>
      )}
      {action === 'renew' && (
        <label class="field">
          <span class="field-label">{t('councilPermits.renewTo')}</span>
          <input
            type="datetime-local"
            value={renewTo}
            onInput={(e) => setRenewTo(e.currentTarget.value)}
            required
          />
        </label>
      )}
      {action !== 'renew' && (
        <label class="field">
          <span class="field-label">
            {t(action === 'payment' ? 'councilPermits.receipt' : 'councilPermits.reason')}
          </span>
          <input
            value={reason}
            maxLength={200}
            required={needsReason}
            placeholder={t(
              action === 'payment'
                ? 'councilPermits.receiptPlaceholder'
                : 'councilPermits.reasonPlaceholder',
            )}
            onInput={(e) => setReason(e.currentTarget.value)}
            data-testid="permit-form-reason"
          />
        </label>
      )}
      <div class="permit-actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={props.busy}
          data-testid="permit-form-submit"
        >
          {props.busy && <Spinner />}
          {t(`councilPermits.confirm.${action}` as MessageKey)}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t('councilPermits.cancel')}
        </button>
      </div>
    </form>
  );
}
