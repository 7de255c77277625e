import { t } from './i18n';
import { useLiveConnection } from './live';
import './live.css';

/** Whether live pushes are arriving: a small pill for a screen's status row. */
export function LiveBadge() {
  const connection = useLiveConnection();
  return (
    <span
      class={`connection connection--${connection}`}
      data-testid="connection-state"
      data-state={connection}
      role="status"
    >
      {t(`map.connection.${connection}`)}
    </span>
  );
}
