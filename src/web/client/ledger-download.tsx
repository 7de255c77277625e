import { useState } from 'preact/hooks';
import { apiDownload } from './api';
import { t } from './i18n';
import { Spinner } from './ui';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A ledger (台账) download as a button: while the workbook streams in, the button says so and
 * counts what has arrived; a failure says why, in the reader's language.
 */
export function LedgerDownloadButton(props: {
  path: string;
  fileName: string;
  label: string;
  /** what the button says while the file is made (a ledger by default) */
  busyLabel?: string;
  testId?: string;
}) {
  const [received, setReceived] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = received !== null;
  const busyLabel = props.busyLabel ?? t('ledger.downloading');

  const download = async () => {
    setReceived(0);
    setError(null);
    try {
      await apiDownload(props.path, props.fileName, setReceived);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setReceived(null);
    }
  };

  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        aria-busy={busy}
        data-testid={props.testId}
        onClick={() => void download()}
      >
        {busy && <Spinner label={busyLabel} />}
        {busy ? busyLabel : props.label}
      </button>
      {busy && (
        <p class="hint" role="status" aria-live="polite" data-testid="ledger-progress">
          {t('ledger.received', { kb: Math.max(1, Math.round((received ?? 0) / 1024)) })}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
