import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { useLiveEvents } from '../../live';
import { beijingDateTime, refusalOf } from '../../permits/permits-api';
import { type ConsentNotice, type Objection, openNotices, raiseObjection } from './consent-api';
import './consent.css';

/** How long an answered objection stays on the home card; 我的停车证 keeps it for good. */
const ANSWER_SHOWN_DAYS = 30;

type MyObjection = Objection & { spaceCode: string };

/**
 * 门前新画车位公示, on the resident's home: spaces the council means to paint in front of the
 * household while it may still object (自治: a space is painted with the neighbours' agreement),
 * and the council's written answers of the last weeks. Shown only when there is something.
 */
export function ConsentNotices() {
  const [notices, setNotices] = useState<ConsentNotice[]>([]);
  const [answered, setAnswered] = useState<MyObjection[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const load = () => {
    openNotices().then(setNotices, () => setNotices([]));
    apiFetch<MyObjection[]>('/api/objections/mine').then(
      (mine) => {
        const since = Date.now() - ANSWER_SHOWN_DAYS * 24 * 3600e3;
        setAnswered(mine.filter((o) => o.decidedAt && new Date(o.decidedAt).getTime() > since));
      },
      () => setAnswered([]),
    );
  };
  useEffect(load, []);
  // A space painted in front of the house, or the council's answer, shows up while home is open.
  useLiveEvents({ 'consent.updated': load });

  /** Asks first (an objection is raised once); false when the resident stepped back. */
  async function object(notice: ConsentNotice, reason: string): Promise<boolean> {
    const yes = await ask({
      title: t('consent.confirmTitle', { code: notice.code }),
      body: (
        <>
          <p>{t('consent.confirmBody')}</p>
          <blockquote class="consent-quote">{reason}</blockquote>
        </>
      ),
      confirmLabel: t('consent.send'),
    });
    if (!yes) return false;
    await raiseObjection(notice.spaceId, reason);
    setDone(t('consent.sent', { code: notice.code }));
    load();
    return true;
  }

  if (notices.length === 0 && answered.length === 0 && !done) return null;
  return (
    <section
      class="card consent-card"
      data-testid="consent-notices"
      aria-labelledby="consent-title"
    >
      <h2 class="card-title" id="consent-title">
        {t('consent.notices')}
      </h2>
      <DoneMessage text={done} testid="consent-done" />
      {notices.length > 0 && <p class="hint">{t('consent.noticesIntro')}</p>}
      <ul class="list consent-list">
        {notices.map((notice) => (
          <NoticeItem key={notice.spaceId} notice={notice} onObject={object} />
        ))}
        {answered
          .filter((o) => !notices.some((n) => n.spaceId === o.spaceId))
          .map((o) => (
            <li key={o.id} class="consent-item" data-testid="consent-answered">
              <strong>{t('reasons.objectionTo', { code: o.spaceCode })}</strong>
              <p class="hint">{o.reason}</p>
              <p class="written-reason" data-testid="consent-answer">
                {o.decision === 'upheld'
                  ? t('reasons.objectionUpheld', { note: o.decisionReason ?? '' })
                  : t('reasons.objectionDismissed', { note: o.decisionReason ?? '' })}
              </p>
            </li>
          ))}
      </ul>
      {dialog}
    </section>
  );
}

function NoticeItem(props: {
  notice: ConsentNotice;
  onObject: (notice: ConsentNotice, reason: string) => Promise<boolean>;
}) {
  const { notice } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = `consent-reason-${notice.spaceId}`;

  const send = async () => {
    if (reason.trim().length < 2) {
      setError(t('consent.reasonTooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (await props.onObject(notice, reason.trim())) setOpen(false);
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const own = notice.objection;
  return (
    <li class="consent-item" data-testid="consent-notice" data-code={notice.code}>
      <strong>{t('consent.space', { code: notice.code, lane: notice.laneName })}</strong>
      {notice.near && <p>{t('consent.near', { place: notice.near })}</p>}
      <p class="hint">{t('consent.until', { time: beijingDateTime(notice.objectionUntil) })}</p>
      {own ? (
        <div data-testid="consent-objected">
          <p>{t('consent.waiting', { time: beijingDateTime(own.raisedAt), reason: own.reason })}</p>
          <p class="written-reason" data-testid="consent-status">
            {own.decision === 'upheld'
              ? t('reasons.objectionUpheld', { note: own.decisionReason ?? '' })
              : own.decision === 'dismissed'
                ? t('reasons.objectionDismissed', { note: own.decisionReason ?? '' })
                : t('consent.waitingAnswer')}
          </p>
        </div>
      ) : open ? (
        <div class="form consent-form">
          <div class="field">
            <label class="field-label" for={fieldId}>
              {t('consent.reason')}
            </label>
            <textarea
              id={fieldId}
              data-testid="consent-reason"
              maxLength={500}
              placeholder={t('consent.reasonPlaceholder')}
              value={reason}
              aria-invalid={error ? 'true' : undefined}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            {error && (
              <p class="field-error" role="alert" data-testid="consent-error">
                {error}
              </p>
            )}
          </div>
          <div class="consent-actions">
            <button
              type="button"
              class="button button--primary"
              data-testid="consent-send"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void send()}
            >
              {busy ? t('consent.sending') : t('consent.send')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => setOpen(false)}
            >
              {t('consent.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button button--secondary"
          data-testid="consent-object"
          onClick={() => setOpen(true)}
        >
          {t('consent.object')}
        </button>
      )}
    </li>
  );
}
