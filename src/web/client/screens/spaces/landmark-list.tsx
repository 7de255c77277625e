import { useState } from 'preact/hooks';
import { DoneMessage } from '../../confirm';
import { t } from '../../i18n';
import { LandmarkEditor, RemoveLandmark } from './landmark-editor';
import { type Landmark, LANDMARK_MARK } from './landmarks';
import type { LanePoint } from './lane-svg';
import type { MapSpace } from './live-lane';

/**
 * The landmarks under the map, west to east, each with the space it is by ("XG-20旁"), and for a
 * shared car park how to walk there: what a warden tells a driver, and what a screen reader reads.
 */
export function LandmarkList(props: {
  landmarks: Landmark[];
  spaces: MapSpace[];
  /** For the council: where to add landmarks, and what to do after a change. */
  editing: { laneId: string; geometry: LanePoint[]; onChanged: () => void } | null;
}) {
  const { editing } = props;
  const [changing, setChanging] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (props.landmarks.length === 0 && !editing) return null;
  return (
    // Folded by default: the panel of a tapped space stays right under the map.
    <details class="card landmarks" data-testid="landmark-list">
      <summary class="landmarks-title" data-testid="landmark-list-toggle">
        {t('landmark.title', { count: props.landmarks.length })}
      </summary>
      <ol class="landmark-items">
        {props.landmarks.map((landmark) => {
          const by = nearestSpace(props.spaces, landmark);
          return (
            <li
              key={landmark.id}
              class={`landmark-item landmark--${landmark.kind}`}
              data-testid={`landmark-item-${landmark.kind}`}
            >
              <span class="landmark-roundel" aria-hidden="true">
                {LANDMARK_MARK[landmark.kind]}
              </span>
              <div>
                <p class="landmark-name">
                  {landmark.label}
                  <span class="landmark-kind">{t(`landmark.kind.${landmark.kind}`)}</span>
                </p>
                {by && <p class="landmark-where">{t('landmark.by', { code: by.code })}</p>}
                {landmark.directions && <p class="landmark-walk">{landmark.directions}</p>}
                {landmark.walkMinutes !== null && (
                  <p class="landmark-walk">
                    {t('landmark.walkMinutes', { minutes: landmark.walkMinutes })}
                  </p>
                )}
                {editing && changing !== landmark.id && (
                  <div class="landmark-actions">
                    <button
                      type="button"
                      class="button button--secondary"
                      data-testid="landmark-change"
                      onClick={() => {
                        setDone(null);
                        setChanging(landmark.id);
                      }}
                    >
                      {t('landmark.change')}
                    </button>
                    <RemoveLandmark
                      key={landmark.id}
                      landmark={landmark}
                      onChanged={editing.onChanged}
                    />
                  </div>
                )}
                {editing && changing === landmark.id && (
                  <LandmarkEditor
                    laneId={editing.laneId}
                    geometry={editing.geometry}
                    spaces={props.spaces}
                    landmark={landmark}
                    onCancel={() => setChanging(null)}
                    onChanged={(label) => {
                      setChanging(null);
                      setDone(t('landmark.changed', { label }));
                      editing.onChanged();
                    }}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <DoneMessage text={done} testid="landmark-done" />
      {editing && (
        <LandmarkEditor
          laneId={editing.laneId}
          geometry={editing.geometry}
          spaces={props.spaces}
          onChanged={editing.onChanged}
        />
      )}
    </details>
  );
}

/** The space nearest a landmark along the lane, within a space's length or two. */
function nearestSpace(spaces: MapSpace[], landmark: Landmark): MapSpace | null {
  let best: { space: MapSpace; distance: number } | null = null;
  for (const space of spaces) {
    const distance = Math.hypot(space.x - landmark.x, space.y - landmark.y);
    if (!best || distance < best.distance) best = { space, distance };
  }
  return best && best.distance <= 12 ? best.space : null;
}
