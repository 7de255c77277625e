import { getLang, setLang, t } from './i18n';

/** Switches between Chinese and English; the button names the language it switches to. */
export function LangSwitch() {
  return (
    <button
      type="button"
      class="lang-switch"
      data-testid="lang-switch"
      // The accessible name starts with the visible text, as speech control expects.
      aria-label={`${t('lang.switch')} · ${t('lang.switchLabel')}`}
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
