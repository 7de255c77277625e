import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import type { ScreenProps } from '../../router';
import { LangSwitch, Loading, Spinner } from '../../ui';
import { beijingMinute, MOVE_ANSWERS, type MoveAnswer, type PublicNotice } from './daily-work-api';
import './daily-work.css';

/**
 * The page a driver opens from the QR on the windscreen notice (挪车提示): no login, a masked
 * plate, the warden's message, and three answers. One answer, confirmed first; the warden hears
 * it at once.
 */
export function MoveNoticeScreen({ params }: ScreenProps) {
  const path = `/api/move-notices/${encodeURIComponent(params.token ?? '')}`;
  const [notice, setNotice] = useState<PublicNotice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState<MoveAnswer | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    apiFetch<PublicNotice>(path, { auth: false }).then(setNotice, (e: unknown) =>
      setFailure(e instanceof ApiError && e.status === 404 ? t('notice.missing') : String(e)),
    );
  }, [path]);

  const send = async () => {
    if (!chosen) return;
    setSending(true);
    setFailure(null);
    try {
      setNotice(
        await apiFetch<PublicNotice>(`${path}/answer`, {
          method: 'POST',
          auth: false,
          body: { answer: chosen },
        }),
      );
      setSent(true);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
      setChosen(null);
    }
  };

  const expired = notice !== null && new Date(notice.expiresAt) <= new Date();
  return (
    <div class="screen" data-testid="move-notice">
      <header class="topbar">
        <h1 class="topbar-title">{t('notice.title')}</h1>
        <LangSwitch />
      </header>
      <main class="content notice-page">
        {!notice && !failure && <Loading />}
        {failure && (
          <p class="form-error" role="alert" data-testid="notice-failure">
            {failure}
          </p>
        )}
        {notice && (
          <section class="card notice-page">
            <h2 class="card-title">
              {t('notice.heading', { association: notice.associationName })}
            </h2>
            <p class="notice-plate">{t('notice.plate', { plate: notice.plate })}</p>
            {notice.note && <p data-testid="notice-note">{notice.note}</p>}
            <p class="hint">{t('notice.askedAt', { time: beijingMinute(notice.askedAt) })}</p>
            <p class="hint">{t('notice.privacy')}</p>
          </section>
        )}
        {notice && sent && notice.answer && (
          <p class="daily-result" role="status" data-testid="notice-sent">
            {t('notice.sent', { answer: t(`move.answer.${notice.answer}`) })}
          </p>
        )}
        {notice && !sent && notice.answer && (
          <p class="hint" role="status">
            {t('notice.answered', { answer: t(`move.answer.${notice.answer}`) })}
          </p>
        )}
        {notice && !notice.answer && expired && (
          <p class="form-error" role="alert">
            {t('notice.expired')}
          </p>
        )}
        {notice && !notice.answer && !expired && !chosen && (
          <div class="notice-answers" role="group" aria-label={t('notice.answerPrompt')}>
            <p class="field-label">{t('notice.answerPrompt')}</p>
            {MOVE_ANSWERS.map((answer) => (
              <button
                key={answer}
                type="button"
                class="button button--secondary"
                data-testid={`notice-answer-${answer}`}
                onClick={() => setChosen(answer)}
              >
                {t(`move.answer.${answer}`)}
              </button>
            ))}
          </div>
        )}
        {chosen && (
          <div class="card notice-answers" role="dialog" aria-labelledby="notice-confirm">
            <p id="notice-confirm">{t('notice.confirm', { answer: t(`move.answer.${chosen}`) })}</p>
            <button
              type="button"
              class="button button--primary"
              disabled={sending}
              data-testid="notice-send"
              onClick={() => void send()}
            >
              {sending && <Spinner />}
              {sending ? t('notice.sending') : t('notice.send')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={sending}
              onClick={() => setChosen(null)}
            >
              {t('notice.cancel')}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
