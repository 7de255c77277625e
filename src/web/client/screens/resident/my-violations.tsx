import { useEffect, useState } from 'preact/hooks';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { FormFooter } from '../../permits/form-parts';
import { refusalOf } from '../../permits/permits-api';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { appeal, beijingMinute, type HouseholdViolation, myViolations } from './resident-api';
import './resident.css';

/** The rule cited: "第七条（宽限15分钟）", or the unit's own terms. */
function ruleOf(v: HouseholdViolation): string | null {
  if (v.rule === 'offer') return t('violationLedger.offerTerms', { minutes: v.graceMinutes ?? 0 });
  if (!v.article) return null;
  return v.graceMinutes === null
    ? v.article
    : t('violationLedger.articleGrace', { article: v.article, minutes: v.graceMinutes });
}

/**
 * 违约与申诉: the household's violations with the rule each one rests on; an appeal with its
 * reason (once, after a confirmation), and the council's written answer.
 */
export function MyViolationsScreen() {
  const [items, setItems] = useState<HouseholdViolation[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const load = () => {
    setFailed(null);
    myViolations().then(
      (page) => setItems(page.items),
      (error: unknown) => setFailed(refusalOf(error)),
    );
  };
  useEffect(load, []);

  async function send(v: HouseholdViolation, reason: string): Promise<string | null> {
    if (reason.trim().length === 0) return t('myViolations.appealTooShort');
    const yes = await ask({
      title: t('myViolations.appealConfirm'),
      body: <p>{t('myViolations.appealConfirmBody')}</p>,
      confirmLabel: t('myViolations.appealSubmit'),
    });
    if (!yes) return null;
    try {
      const updated = await appeal(v.id, reason.trim());
      setItems((list) => list?.map((x) => (x.id === v.id ? { ...x, ...updated } : x)) ?? null);
      setDone(t('myViolations.appealSent'));
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  }

  return (
    <div class="screen" data-testid="my-violations">
      <TopBar title={t('myViolations.title')} />
      <main class="content">
        <p class="hint">{t('myViolations.hint')}</p>
        <DoneMessage text={done} testid="appeal-done" />
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !items && <Loading />}
        {items && items.length === 0 && <p class="card empty">{t('myViolations.none')}</p>}
        {items && items.length > 0 && (
          <ul class="list">
            {items.map((v) => (
              <li class="card resident-item" key={v.id} data-testid="my-violation" data-id={v.id}>
                <p>
                  <strong>{t(`violation.${v.kind}` as 'violation.no_permit')}</strong> ·{' '}
                  <span class="ledger-plate">{v.plate}</span>
                </p>
                <p>{t('myViolations.when', { at: beijingMinute(v.occurredAt) })}</p>
                <p>{t('myViolations.where', { place: v.place })}</p>
                {ruleOf(v) && <p>{t('myViolations.rule', { rule: ruleOf(v)! })}</p>}
                <p>
                  {t('myViolations.step', {
                    step: v.step,
                    action: t(`myViolations.action.${v.action}`),
                  })}
                </p>
                {v.suspendedUntil && (
                  <p>{t('myViolations.suspended', { until: beijingMinute(v.suspendedUntil) })}</p>
                )}
                <p
                  class={`request-status request-status--${v.appealStatus}`}
                  data-testid="appeal-status"
                >
                  {t(`myViolations.appealStatus.${v.appealStatus}`)}
                </p>
                {v.appealReason && (
                  <p>{t('myViolations.yourReason', { reason: v.appealReason })}</p>
                )}
                {v.appealNote && (
                  <p class="resident-answer" data-testid="appeal-answer">
                    {t('myViolations.decision', { note: v.appealNote })}
                  </p>
                )}
                {v.appealStatus === 'none' && <AppealForm onSend={(reason) => send(v, reason)} />}
              </li>
            ))}
          </ul>
        )}
        {/* The household's own copy: the rows and columns this list shows. */}
        {items && items.length > 0 && (
          <LedgerDownloadButton
            path="/api/violations/export.xlsx"
            fileName="violations-ledger.xlsx"
            label={t('violationLedger.exportXlsx')}
            testId="my-violations-xlsx"
          />
        )}
      </main>
      {dialog}
    </div>
  );
}

function AppealForm(props: { onSend: (reason: string) => Promise<string | null> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (!open) {
    return (
      <button
        type="button"
        class="button button--secondary"
        data-testid="appeal-open"
        onClick={() => setOpen(true)}
      >
        {t('myViolations.appeal')}
      </button>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      setRefusal(await props.onSend(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={(e) => void submit(e)} noValidate>
      <label class="field">
        <span class="field-label">{t('myViolations.appealReason')}</span>
        <textarea
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={t('myViolations.appealPlaceholder')}
          onInput={(e) => setReason(e.currentTarget.value)}
          data-testid="appeal-reason"
        />
      </label>
      <FormFooter refusal={refusal} busy={busy} submitTestid="appeal-submit">
        {t('myViolations.appealSubmit')}
      </FormFooter>
    </form>
  );
}
