import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';

interface LaneName {
  id: string;
  name: string;
}

/**
 * Which lane a household is registered in, for an association with more than one (with one,
 * the household is in it and nothing is asked). The lane decides which offers it may take and
 * which new spaces face it.
 */
export function LaneSelect(props: {
  value: string;
  onChange: (laneId: string) => void;
  testId: string;
}) {
  const [lanes, setLanes] = useState<LaneName[]>([]);
  useEffect(() => {
    apiFetch<LaneName[]>('/api/lanes').then(setLanes, () => setLanes([]));
  }, []);
  if (lanes.length < 2) return null;
  return (
    <label class="field">
      <span class="field-label">{t('households.lane')}</span>
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('households.laneUnset')}</option>
        {lanes.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {lane.name}
          </option>
        ))}
      </select>
    </label>
  );
}
