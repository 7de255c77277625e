import { getLang, setLang, t } from './i18n';

/**
 * Switches between Chinese and English; the button names the language it switches to. Its
 * accessible name is that visible word (WCAG 2.5.3: what is read out matches what is shown); the
 * longer label is a tooltip.
 */
export function LangSwitch() {
  return (
    <button
      type="button"
      class="lang-switch"
      data-testid="lang-switch"
      // The visible name is the language it switches to, in that language; the title says why.
      lang={getLang() === 'zh' ? 'en' : 'zh-CN'}
      title={t('lang.switchLabel')}
      onClick={() => setLang(getLang() === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </button>
  );
}

export function Spinner(props: { label?: string }) {
  return (
    <span class="spinner" role="progressbar" aria-label={props.label ?? t('common.loading')} />
  );
}

/** A screen's top bar below the home screen: back to home, the title, the language switch. */
export function TopBar(props: { title: string; back?: string }) {
  return (
    <header class="topbar">
      <a class="topbar-back" href={`#${props.back ?? '/home'}`}>
        ‹ {t('common.back')}
      </a>
      <h1 class="topbar-title">{props.title}</h1>
      <LangSwitch />
    </header>
  );
}

/**
 * Under a "please check" summary before an act that cannot be undone: confirm (busy, with a
 * spinner, while it saves) and back to the form.
 */
export function ConfirmButtons(props: {
  class: string;
  testId: string;
  saving: boolean;
  confirm: string;
  savingLabel: string;
  edit: string;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  return (
    <div class={props.class}>
      <button
        type="button"
        class="button button--primary"
        data-testid={props.testId}
        disabled={props.saving}
        aria-busy={props.saving}
        onClick={props.onConfirm}
      >
        {props.saving ? (
          <>
            <Spinner label={props.savingLabel} /> {props.savingLabel}
          </>
        ) : (
          props.confirm
        )}
      </button>
      <button
        type="button"
        class="button button--secondary"
        disabled={props.saving}
        onClick={props.onEdit}
      >
        {props.edit}
      </button>
    </div>
  );
}

export function Loading() {
  return (
    <p class="status">
      <Spinner /> {t('common.loading')}
    </p>
  );
}

export function LoadFailed(props: { message: string; onRetry: () => void }) {
  return (
    <div class="status status--error" role="alert">
      <p>{props.message}</p>
      <button type="button" class="button button--secondary" onClick={props.onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
