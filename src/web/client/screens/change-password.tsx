import { useState } from 'preact/hooks';
import { apiFetch, ApiError } from '../api';
import { t } from '../i18n';
import { type SessionResponse, startSession } from '../session';
import { Spinner, TopBar } from '../ui';
import { FormField } from '../form-field';

/**
 * 修改密码, for every role: proving the current password, every other device is logged out and
 * this one gets a fresh session, so the member stays here.
 */
export function ChangePasswordScreen() {
  const [draft, setDraft] = useState({ current: '', next: '', repeat: '' });
  const [status, setStatus] = useState<
    { at: 'idle' } | { at: 'saving' } | { at: 'done' } | { at: 'refused'; text: string }
  >({ at: 'idle' });

  async function save() {
    if (draft.next !== draft.repeat) {
      setStatus({ at: 'refused', text: t('password.mismatch') });
      return;
    }
    setStatus({ at: 'saving' });
    try {
      const session = await apiFetch<SessionResponse>('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: draft.current, newPassword: draft.next },
      });
      startSession(session);
      setDraft({ current: '', next: '', repeat: '' });
      setStatus({ at: 'done' });
    } catch (error) {
      setStatus({
        at: 'refused',
        text: error instanceof ApiError ? error.message : t('error.network'),
      });
    }
  }

  return (
    <div class="screen" data-testid="change-password">
      <TopBar title={t('password.title')} />
      <main class="content">
        <form
          class="card"
          data-testid="password-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <p class="hint">{t('password.hint')}</p>
          <FormField
            label={t('password.current')}
            id="password-current"
            type="password"
            autocomplete="current-password"
            value={draft.current}
            onInput={(current) => setDraft({ ...draft, current })}
            required
          />
          <FormField
            label={t('password.next')}
            id="password-next"
            type="password"
            autocomplete="new-password"
            minLength={10}
            value={draft.next}
            onInput={(next) => setDraft({ ...draft, next })}
            required
          />
          <FormField
            label={t('password.repeat')}
            id="password-repeat"
            type="password"
            autocomplete="new-password"
            minLength={10}
            value={draft.repeat}
            onInput={(repeat) => setDraft({ ...draft, repeat })}
            required
          />
          {status.at === 'refused' && (
            <p class="form-error" role="alert" data-testid="password-refusal">
              {status.text}
            </p>
          )}
          {status.at === 'done' && (
            <p role="status" data-testid="password-done">
              {t('password.done')}
            </p>
          )}
          <button
            type="submit"
            class="button button--primary"
            data-testid="password-save"
            disabled={status.at === 'saving'}
            aria-busy={status.at === 'saving'}
          >
            {status.at === 'saving' ? (
              <>
                <Spinner label={t('password.saving')} /> {t('password.saving')}
              </>
            ) : (
              t('password.save')
            )}
          </button>
        </form>
      </main>
    </div>
  );
}
