import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

interface Question {
  title: string;
  body?: ComponentChildren;
  confirmLabel: string;
  /** an act that cannot be taken back (ending, cancelling) is painted red */
  danger?: boolean;
  resolve: (yes: boolean) => void;
}

/**
 * Asks before an act that cannot be undone, in the page (not the browser's confirm(), which an
 * older phone shows in English and a screen reader may miss). Render `dialog` once in the
 * screen; `ask()` resolves true when the person confirms.
 *
 *   const { dialog, ask } = useConfirm();
 *   if (await ask({ title: '结束共享？', confirmLabel: '结束' })) void end();
 */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const ask = (q: Omit<Question, 'resolve'>) =>
    new Promise<boolean>((resolve) => setQuestion({ ...q, resolve }));
  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
  };
  const dialog = question ? <ConfirmDialog question={question} answer={answer} /> : null;
  return { dialog, ask };
}

function ConfirmDialog(props: { question: Question; answer: (yes: boolean) => void }) {
  const { question, answer } = props;
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && answer(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [question]);
  return (
    <div class="confirm-backdrop">
      <div
        class="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        data-testid="confirm-dialog"
      >
        <h2 id="confirm-title" class="confirm-title">
          {question.title}
        </h2>
        {question.body && <div class="confirm-body">{question.body}</div>}
        <div class="confirm-actions">
          <button
            type="button"
            class="button button--secondary"
            data-testid="confirm-no"
            onClick={() => answer(false)}
          >
            {t('common.cancel')}
          </button>
          <button
            type="button"
            ref={confirmButton}
            class={`button ${question.danger ? 'button--danger' : 'button--primary'}`}
            data-testid="confirm-yes"
            onClick={() => answer(true)}
          >
            {question.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A short "done" line after an act, read out by screen readers. */
export function DoneMessage(props: { text: string | null; testid?: string }) {
  if (!props.text) return null;
  return (
    <p class="done" role="status" data-testid={props.testid ?? 'done-message'}>
      ✓ {props.text}
    </p>
  );
}
