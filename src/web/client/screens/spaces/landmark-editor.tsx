import { useState } from 'preact/hooks';
import { LANDMARK_KINDS } from '../../../../shared/landmarks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { pointOnLane, projectOnLane } from './fold-lane';
import type { Landmark, LandmarkKind } from './landmarks';
import type { LanePoint } from './lane-svg';
import type { MapSpace } from './live-lane';

/** How far from the centre line a landmark beside the lane is placed, metres (a house wall). */
const BESIDE_M = 2.6;
type Side = 'left' | 'right' | 'on';
const OFFSET: Record<Side, number> = { left: BESIDE_M, right: -BESIDE_M, on: 0 };

/**
 * The council places a landmark as it would say where it is: "老槐树, by XG-13, across the lane",
 * and removes one after confirming. The server works out chainage and side from the point.
 */
export function LandmarkEditor(props: {
  laneId: string;
  geometry: LanePoint[];
  spaces: MapSpace[];
  onChanged: () => void;
}) {
  const [kind, setKind] = useState<LandmarkKind>('landmark');
  const [label, setLabel] = useState('');
  const [spaceId, setSpaceId] = useState(props.spaces[0]?.id ?? '');
  const [side, setSide] = useState<Side>('left');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const kinds = LANDMARK_KINDS.filter((k) => k !== 'car_park');
  const chosen = props.spaces.find((s) => s.id === spaceId);
  // Left of the lane's direction faces this way at the chosen space (y points north).
  const heading = chosen ? projectOnLane(props.geometry, chosen).heading : 0;
  const sideName = (s: Side) =>
    s === 'on'
      ? t('landmark.side.on')
      : t('landmark.side.beside', {
          dir: t(`compass.${compass(heading + (s === 'left' ? 90 : -90))}`),
        });

  async function place(event: Event) {
    event.preventDefault();
    const space = props.spaces.find((s) => s.id === spaceId);
    if (!space || !label.trim()) return;
    const { chainage } = projectOnLane(props.geometry, space);
    const at = pointOnLane(props.geometry, chainage, OFFSET[side]);
    setBusy(true);
    setMessage(null);
    try {
      await apiFetch(`/api/lanes/${props.laneId}/landmarks`, {
        body: { kind, label: label.trim(), x: at.x, y: at.y },
      });
      setMessage({ ok: true, text: t('landmark.placed', { label: label.trim() }) });
      setLabel('');
      props.onChanged();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="landmark-editor" data-testid="landmark-editor" onSubmit={(e) => void place(e)}>
      <h3>{t('landmark.add')}</h3>
      <label class="field">
        <span class="field-label">{t('landmark.kindLabel')}</span>
        <select
          value={kind}
          data-testid="landmark-kind"
          onChange={(e) => setKind(e.currentTarget.value as LandmarkKind)}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`landmark.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('landmark.name')}</span>
        <input
          value={label}
          maxLength={40}
          required
          placeholder={t('landmark.namePlaceholder')}
          data-testid="landmark-label"
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('landmark.besideSpace')}</span>
        <select
          value={spaceId}
          data-testid="landmark-space"
          onChange={(e) => setSpaceId(e.currentTarget.value)}
        >
          {props.spaces.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('landmark.sideLabel')}</span>
        <select value={side} onChange={(e) => setSide(e.currentTarget.value as Side)}>
          {(['left', 'right', 'on'] as const).map((s) => (
            <option key={s} value={s}>
              {sideName(s)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        class="button button--primary"
        disabled={busy || !label.trim()}
        data-testid="landmark-place"
      >
        {busy ? t('landmark.placing') : t('landmark.place')}
      </button>
      {message && (
        <p
          class={message.ok ? 'status' : 'status status--error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="landmark-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

function compass(degrees: number): 'n' | 'e' | 's' | 'w' {
  const d = ((degrees % 360) + 360) % 360;
  if (d >= 45 && d < 135) return 'n';
  if (d >= 135 && d < 225) return 'w';
  if (d >= 225 && d < 315) return 's';
  return 'e';
}

/** Removes a landmark after a second tap that says what goes. */
export function RemoveLandmark(props: { landmark: Landmark; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function remove() {
    setBusy(true);
    try {
      await apiFetch(`/api/landmarks/${props.landmark.id}`, { method: 'DELETE' });
      props.onChanged();
    } catch (error) {
      setFailed(error instanceof ApiError ? error.message : String(error));
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        class={confirming ? 'button button--primary' : 'button button--ghost'}
        disabled={busy}
        data-testid="landmark-remove"
        onClick={() => (confirming ? void remove() : setConfirming(true))}
      >
        {confirming
          ? t('landmark.removeConfirm', { label: props.landmark.label })
          : t('landmark.remove')}
      </button>
      {failed && (
        <p class="status status--error" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}
