import { t } from '../../i18n';
import { beijingMinute, type WindscreenNotice } from './daily-work-api';
import './daily-work.css';

/**
 * The notice the warden leaves under the wiper of a car nobody knows: the QR leads to its public
 * page, where the driver answers without either side seeing a phone number.
 */
export function WindscreenNoticeCard(props: { notice: WindscreenNotice; plate: string }) {
  const { notice } = props;
  return (
    <section class="card notice-card" data-testid="windscreen-notice" aria-live="polite">
      <h2 class="card-title">{t('notice.card')}</h2>
      <p class="notice-plate">{props.plate}</p>
      <img src={notice.qr} alt={t('notice.qrAlt')} data-testid="notice-qr" />
      <a href={notice.url} data-testid="notice-url">
        {notice.url}
      </a>
      <p class="hint">{t('notice.until', { time: beijingMinute(notice.expiresAt) })}</p>
      <p class="hint">{t('notice.explain')}</p>
      <button type="button" class="button button--primary" onClick={() => window.print()}>
        {t('notice.print')}
      </button>
    </section>
  );
}
