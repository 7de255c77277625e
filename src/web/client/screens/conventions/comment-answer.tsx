import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import { beijingMinute, type ConventionComment, messageOf } from './council-api';

/** The council's written answer under a comment, or that one is awaited. */
export function CommentAnswer(props: { comment: ConventionComment }) {
  const { reply } = props.comment;
  if (!reply)
    return (
      <p class="comment-answer comment-answer--awaited" data-testid="comment-awaiting">
        {t('answer.awaiting')}
      </p>
    );
  return (
    <div class="comment-answer" data-testid="comment-reply">
      <span class="comment-answer-who">
        {t('answer.replied', { author: reply.author, time: beijingMinute(reply.repliedAt) })}
      </span>{' '}
      {reply.text}
    </div>
  );
}

/**
 * 书面答复: the council answers one comment in writing, once (the server refuses a second
 * answer), after confirming, since every member reads it and it cannot be changed.
 */
export function ReplyForm(props: {
  versionId: string;
  comment: ConventionComment;
  onReplied: (answered: ConventionComment) => void;
}) {
  const { comment } = props;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();
  const id = `reply-${comment.id}`;

  if (!open)
    return (
      <button
        type="button"
        class="button button--secondary"
        aria-label={t('answer.replyTo', { author: comment.author })}
        data-testid="reply-open"
        onClick={() => setOpen(true)}
      >
        {t('answer.reply')}
      </button>
    );

  const send = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('answer.replyEmpty'));
      return;
    }
    const yes = await ask({
      title: t('answer.confirmTitle'),
      body: <p>{t('answer.confirmBody')}</p>,
      confirmLabel: t('answer.send'),
    });
    if (!yes) return;
    setBusy(true);
    setProblem(null);
    try {
      const answered = await apiFetch<ConventionComment>(
        `/api/conventions/versions/${props.versionId}/comments/${comment.id}/reply`,
        { body: { text: text.trim() } },
      );
      props.onReplied(answered);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={(e) => void send(e)} noValidate data-testid="reply-form">
      <label class="field" for={id}>
        <span class="field-label">{t('answer.replyLabel')}</span>
      </label>
      <textarea
        id={id}
        class="comment-text"
        value={text}
        maxLength={2000}
        placeholder={t('answer.replyPlaceholder')}
        aria-invalid={problem ? 'true' : undefined}
        data-testid="reply-text"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {problem && (
        <p class="form-error" role="alert" data-testid="reply-problem">
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
          data-testid="reply-send"
        >
          {busy && <Spinner />}
          {busy ? t('answer.sending') : t('answer.send')}
        </button>
      </div>
      {dialog}
    </form>
  );
}
