import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * The link a household sends its guest (by WeChat or SMS): it opens the pass with its QR on the
 * guest's phone, no login. Copy with one tap; share where the phone offers it.
 */
export function GuestLink(props: { path: string }) {
  const url = new URL(props.path, window.location.origin).toString();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (plain http, an old WebView): select it for a long-press copy.
      input.current?.select();
      setCopied(document.execCommand('copy'));
    }
  }

  const share = typeof navigator.share === 'function';
  return (
    <div class="guest-link">
      <label class="field">
        <span class="field-label">{t('visitor.guestLink')}</span>
        <input
          ref={input}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="visitor-guest-link"
        />
      </label>
      <div class="permit-actions">
        <button
          type="button"
          class="button button--primary"
          onClick={() => void copy()}
          data-testid="visitor-copy"
        >
          {copied ? t('visitor.copied') : t('visitor.copy')}
        </button>
        {share && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() =>
              void navigator.share({ title: t('visitor.shareTitle'), url }).catch(() => undefined)
            }
          >
            {t('visitor.share')}
          </button>
        )}
        <a class="button button--secondary" href={url} target="_blank" rel="noreferrer">
          {t('visitor.open')}
        </a>
      </div>
      {copied === false && <p class="hint">{t('visitor.copyByHand')}</p>}
    </div>
  );
}
