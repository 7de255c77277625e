import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../api';
import { sharedLang, t } from '../i18n';
import { TopBar } from '../ui';
import { type OfflineJudgement, type Verdict, verifyOffline } from './offline-verify';
import { verdictMessage } from '../../../shared/scans/verdict';
import { decodeImageFile, startCamera } from './qr-decode';
import {
  enqueueScan,
  loadCache,
  newIdempotencyKey,
  type QueuedScan,
  queuedScans,
  refreshCache,
  syncQueue,
} from './scan-cache';
import './permits.css';

interface Shown extends OfflineJudgement {
  offline: boolean;
}

// Each verdict gets the next number, so a repeated verdict still reads as a new one.
let verdictSeq = 0;

/** 扫码验证: camera, photo upload or typed number/plate; works offline with the cached keys. */
export function WardenScanScreen() {
  const [shown, show] = useState<(Shown & { seq: number }) | null>(null);
  const setShown = (next: Shown) => show({ ...next, seq: ++verdictSeq });
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(queuedScans().length);
  const [manual, setManual] = useState('');
  const [plateSeen, setPlateSeen] = useState('');
  const [camera, setCamera] = useState<(() => void) | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const sync = () => {
      void syncQueue()
        .then(() => setQueued(queuedScans().length))
        .catch(() => undefined);
      void refreshCache().catch(() => undefined);
    };
    sync();
    window.addEventListener('online', sync);
    return () => window.removeEventListener('online', sync);
  }, []);
  useEffect(() => () => camera?.(), [camera]);

  async function judge(input: Omit<QueuedScan, 'idempotencyKey' | 'scannedAt'>) {
    setBusy(true);
    const scan: QueuedScan = {
      ...input,
      idempotencyKey: newIdempotencyKey(),
      scannedAt: new Date().toISOString(),
    };
    if (plateSeen.trim()) scan.plateSeen = plateSeen.trim();
    try {
      const result = await apiFetch<
        OfflineJudgement & { permit: { number: number; plate: string } | null }
      >('/api/scans', { body: scan });
      setShown({
        ...result,
        number: result.permit?.number,
        plate: result.permit?.plate,
        offline: false,
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) {
        setShown({ verdict: 'unknown', reason: (error as Error).message, offline: false });
        return;
      }
      enqueueScan(scan);
      setQueued(queuedScans().length);
      const offline = scan.token
        ? await verifyOffline(scan.token, loadCache(), new Date(), scan.plateSeen)
        : { verdict: 'unknown' as Verdict, reason: t('scan.offlineNeedsQr') };
      setShown({ ...offline, offline: true });
    } finally {
      setBusy(false);
    }
  }

  async function onUpload(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await decodeImageFile(file);
    if (text) await judge({ token: text });
    else setShown({ verdict: 'forged', reason: t('scan.noQr'), offline: false });
  }

  async function toggleCamera() {
    if (camera) return setCamera(null);
    if (!video.current) return;
    try {
      const stop = await startCamera(video.current, (text) => {
        setCamera(null);
        void judge({ token: text });
      });
      setCamera(() => stop);
    } catch {
      setShown({ verdict: 'unknown', reason: t('scan.noCamera'), offline: false });
    }
  }

  function onManual(event: Event) {
    event.preventDefault();
    const value = manual.trim();
    if (!value) return;
    void judge(/^\d+$/.test(value) ? { permitNumber: Number(value) } : { plate: value });
  }

  const ok = shown?.verdict === 'valid';
  return (
    <div class="screen" data-testid="warden-scan">
      <TopBar title={t('scan.title')} />
      <main class="content scan">
        {shown && (
          <section
            class={`verdict ${ok ? 'verdict--ok' : 'verdict--bad'}`}
            data-testid="scan-verdict"
            data-verdict={shown.verdict}
            data-seq={shown.seq}
            key={shown.seq}
            role="status"
          >
            <div class="verdict-mark">{ok ? '✓' : '✗'}</div>
            <div class="verdict-title">{t(`scan.verdict.${shown.verdict}`)}</div>
            {shown.plate && <div class="verdict-plate">{shown.plate}</div>}
            <p class="verdict-reason">
              {shown.reason || verdictMessage(shown.verdict, {}, sharedLang())}
            </p>
            {shown.offline && (
              <p class="verdict-offline" data-testid="scan-offline">
                {t('scan.offline')}
              </p>
            )}
          </section>
        )}
        <video
          ref={video}
          class={camera ? 'scan-video' : 'scan-video scan-video--off'}
          playsInline
          muted
        />
        <div class="scan-actions">
          <button type="button" class="button" onClick={() => void toggleCamera()} disabled={busy}>
            {camera ? t('scan.stopCamera') : t('scan.camera')}
          </button>
          <label class="button button--secondary">
            {t('scan.upload')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              class="visually-hidden"
              data-testid="scan-upload"
              onChange={(e) => void onUpload(e)}
            />
          </label>
        </div>
        <form class="scan-manual" onSubmit={onManual}>
          <input
            value={manual}
            onInput={(e) => setManual(e.currentTarget.value)}
            placeholder={t('scan.manual')}
            aria-label={t('scan.manual')}
            data-testid="scan-manual"
          />
          <input
            value={plateSeen}
            onInput={(e) => setPlateSeen(e.currentTarget.value)}
            placeholder={t('scan.plateSeen')}
            aria-label={t('scan.plateSeen')}
            data-testid="scan-plate-seen"
          />
          <button type="submit" class="button" disabled={busy} data-testid="scan-manual-submit">
            {t('scan.check')}
          </button>
        </form>
        <p class="hint" data-testid="scan-queue" data-count={queued}>
          {t('scan.queued', { count: queued })}
        </p>
      </main>
    </div>
  );
}
