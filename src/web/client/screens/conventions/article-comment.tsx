import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import { messageOf } from './council-api';

/** 对此条提意见: a short form under one article of the draft, signed with the member's name. */
export function ArticleComment(props: {
  versionId: string;
  articleNumber: number;
  label: string;
  onSent: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `comment-${props.articleNumber}`;

  if (!open)
    return (
      <button
        type="button"
        class="button button--secondary"
        data-testid={`comment-open-${props.articleNumber}`}
        onClick={() => setOpen(true)}
      >
        {t('convention.commentOn', { label: props.label })}
      </button>
    );

  const send = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('convention.commentEmpty'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await apiFetch(`/api/conventions/versions/${props.versionId}/comments`, {
        body: { articleNumber: props.articleNumber, text: text.trim() },
      });
      setText('');
      setOpen(false);
      props.onSent();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={(e) => void send(e)} noValidate>
      <label class="field" for={id}>
        <span class="field-label">{t('convention.commentLabel', { label: props.label })}</span>
      </label>
      <textarea
        id={id}
        class="comment-text"
        value={text}
        maxLength={2000}
        aria-invalid={problem ? 'true' : undefined}
        data-testid={`comment-text-${props.articleNumber}`}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <div class="confirm-actions">
        <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          class="button button--primary"
          disabled={busy}
          data-testid={`comment-send-${props.articleNumber}`}
        >
          {busy && <Spinner />}
          {t('convention.commentSend')}
        </button>
      </div>
    </form>
  );
}
