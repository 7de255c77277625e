import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { login } from '../auth';
import { t } from '../i18n';
import { LangSwitch, Spinner } from '../ui';

/** Phone and password. On success the app shell moves on (to ?next= or home). */
export function LoginScreen() {
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(phone.replace(/[\s-]/g, ''), password);
    } catch (failure) {
      setError(refusalMessage(failure));
      setBusy(false);
    }
  }

  return (
    <div class="screen screen--login">
      <div class="login-lang">
        <LangSwitch />
      </div>
      <div class="brand">
        <div class="armband" aria-hidden="true" />
        <p class="brand-title">{t('app.title')}</p>
        <p class="brand-tagline">{t('app.tagline')}</p>
      </div>
      <form class="card login-form" onSubmit={(event) => void submit(event)}>
        <h1 class="card-title">{t('login.title')}</h1>
        <p class="hint">{t('login.hint')}</p>
        <label class="field">
          <span class="field-label">{t('login.phone')}</span>
          <input
            data-testid="login-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="username"
            maxLength={20}
            required
            value={phone}
            onInput={(event) => setPhone(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t('login.password')}</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button
          class="button button--primary"
          type="submit"
          data-testid="login-submit"
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? (
            <>
              <Spinner label={t('login.submitting')} /> {t('login.submitting')}
            </>
          ) : (
            t('login.submit')
          )}
        </button>
      </form>
    </div>
  );
}

function refusalMessage(failure: unknown): string {
  if (!(failure instanceof ApiError)) return t('error.network');
  if (failure.status === 429) {
    const seconds = retryAfterSeconds(failure.headers);
    const wait = Number.isFinite(seconds) && seconds > 0 ? t('login.retryAfter', { seconds }) : '';
    return `${t('login.rateLimited')}${wait}`;
  }
  return failure.message;
}

// @nestjs/throttler names the header after the throttler: Retry-After-login.
function retryAfterSeconds(headers: Headers | undefined): number {
  if (!headers) return NaN;
  for (const [name, value] of headers) {
    if (name === 'retry-after' || name.startsWith('retry-after-')) return Number(value);
  }
  return NaN;
}
