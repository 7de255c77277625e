import { useState } from 'preact/hooks';
import { LANDMARK_KINDS } from '../../../../shared/landmarks';
import { ApiError, apiFetch } from '../../api';
import { useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { pointOnLane, projectOnLane } from './fold-lane';
import type { Landmark, LandmarkKind } from './landmarks';
import type { LanePoint } from './lane-svg';
import type { MapSpace } from './live-lane';

/** How far from the centre line a landmark beside the lane is placed, metres (a house wall). */
const BESIDE_M = 2.6;
type Side = 'left' | 'right' | 'on';
const OFFSET: Record<Side, number> = { left: BESIDE_M, right: -BESIDE_M, on: 0 };
/** The server's side of the lane (+1 left of its direction, -1 right, 0 on it) as the form's. */
const SIDE_OF: Record<-1 | 0 | 1, Side> = { 1: 'left', [-1]: 'right', 0: 'on' };

/**
 * The council places a landmark as it would say where it is: "老槐树, by XG-13, across the lane",
 * or, given `landmark`, renames or moves it the same way. The server works out chainage and side
 * from the point.
 */
export function LandmarkEditor(props: {
  laneId: string;
  geometry: LanePoint[];
  spaces: MapSpace[];
  /** after a change, with the landmark's name as saved */
  onChanged: (label: string) => void;
  /** the landmark to change; without it the form places a new one */
  landmark?: Landmark;
  onCancel?: () => void;
}) {
  const { landmark } = props;
  const [kind, setKind] = useState<LandmarkKind>(landmark?.kind ?? 'landmark');
  const [label, setLabel] = useState(landmark?.label ?? '');
  const [spaceId, setSpaceId] = useState(
    (landmark ? closestSpace(props.spaces, landmark) : props.spaces[0])?.id ?? '',
  );
  const [side, setSide] = useState<Side>(landmark ? SIDE_OF[landmark.side] : 'left');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A car park's pointer (its directions, its car park) is set through the API.
  const kinds = LANDMARK_KINDS.filter((k) => k !== 'car_park' || landmark?.kind === 'car_park');
  const testid = landmark ? 'landmark-change' : 'landmark';
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
      const body = { kind, label: label.trim(), x: at.x, y: at.y };
      if (landmark) {
        await apiFetch(`/api/landmarks/${landmark.id}`, { method: 'PATCH', body });
      } else {
        await apiFetch(`/api/lanes/${props.laneId}/landmarks`, { body });
        setMessage({ ok: true, text: t('landmark.placed', { label: label.trim() }) });
        setLabel('');
      }
      props.onChanged(body.label);
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="landmark-editor" data-testid={`${testid}-editor`} onSubmit={(e) => void place(e)}>
      <h3>{landmark ? t('landmark.changeTitle', { label: landmark.label }) : t('landmark.add')}</h3>
      <label class="field">
        <span class="field-label">{t('landmark.kindLabel')}</span>
        <select
          value={kind}
          data-testid={`${testid}-kind`}
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
          data-testid={`${testid}-label`}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('landmark.besideSpace')}</span>
        <select
          value={spaceId}
          data-testid={`${testid}-space`}
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
      <div class="landmark-editor-actions">
        {props.onCancel && (
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          class="button button--primary"
          disabled={busy || !label.trim()}
          data-testid={`${testid}-place`}
        >
          {busy ? t('landmark.placing') : landmark ? t('landmark.save') : t('landmark.place')}
        </button>
      </div>
      {message && (
        <p
          class={message.ok ? 'status' : 'status status--error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid={`${testid}-message`}
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

/** The space nearest a landmark, whichever it is: where the form starts when moving it. */
function closestSpace(spaces: MapSpace[], at: { x: number; y: number }): MapSpace | undefined {
  let best: MapSpace | undefined;
  for (const space of spaces) {
    if (
      !best ||
      Math.hypot(space.x - at.x, space.y - at.y) < Math.hypot(best.x - at.x, best.y - at.y)
    )
      best = space;
  }
  return best;
}

/** Removes a landmark after confirming in the page, which names what goes. */
export function RemoveLandmark(props: { landmark: Landmark; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();
  async function remove() {
    const yes = await ask({
      title: t('landmark.removeTitle', { label: props.landmark.label }),
      confirmLabel: t('landmark.remove'),
      danger: true,
    });
    if (!yes) return;
    setBusy(true);
    setFailed(null);
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
        class="button button--ghost"
        disabled={busy}
        data-testid="landmark-remove"
        onClick={() => void remove()}
      >
        {t('landmark.remove')}
      </button>
      {failed && (
        <p class="status status--error" role="alert">
          {failed}
        </p>
      )}
      {dialog}
    </>
  );
}
