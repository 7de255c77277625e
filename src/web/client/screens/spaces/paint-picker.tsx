import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import {
  laneLength,
  type Point,
  pointOnLane,
  projectOnLane,
  SPACE_DIMENSIONS,
  type SizeClass,
} from '../../../../shared/lane-geometry';
import type { LaneMap, MapSpace } from './live-lane';
import type { Lane } from './map-parts';

/** Metres of lane shown at once: at 360 px about 6 px a metre, a space a thumb can aim at. */
const WINDOW_M = 50;
const HEIGHT_M = 20;
const LANE_WIDTH_M = 6.5;

/**
 * Where to paint, by tapping a stretch of the lane drawn to scale (the slider walks along the
 * lane): the tap gives the centre in metres on the schematic, which the x/y fields then hold and
 * can correct. The spaces already painted are drawn, so the gap is seen before it is chosen.
 */
export function PaintPicker(props: {
  lane: Lane;
  at: Point | null;
  sizeClass: SizeClass;
  /** Bumped when a space is painted, to draw it. */
  version: number;
  onPick: (point: Point) => void;
}) {
  const { lane, at } = props;
  const length = laneLength(lane.geometry);
  const [chainage, setChainage] = useState(Math.min(WINDOW_M / 2, length / 2));
  const [spaces, setSpaces] = useState<MapSpace[]>([]);
  useEffect(() => {
    apiFetch<LaneMap>(`/api/lanes/${lane.id}/spaces`).then(
      (map) => setSpaces(map.spaces),
      () => setSpaces([]),
    );
  }, [lane.id, props.version]);

  const centre = pointOnLane(lane.geometry, chainage);
  const viewBox = `${centre.x - WINDOW_M / 2} ${-centre.y - HEIGHT_M / 2} ${WINDOW_M} ${HEIGHT_M}`;
  const line = lane.geometry.map((p) => `${p.x},${-p.y}`).join(' ');
  const pick = (event: MouseEvent) => {
    const svg = event.currentTarget as SVGSVGElement;
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    props.onPick({ x: Math.round(point.x * 10) / 10, y: Math.round(-point.y * 10) / 10 });
  };
  const { length: newLength, depth } = SPACE_DIMENSIONS[props.sizeClass];
  const heading = at ? projectOnLane(lane.geometry, at).heading : 0;

  return (
    <div class="paint-picker">
      <svg
        class="paint-picker-svg"
        data-testid="paint-picker"
        viewBox={viewBox}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={t('paint.pickerLabel')}
        onClick={pick}
      >
        <polyline class="lane-road" points={line} stroke-width={LANE_WIDTH_M} />
        <polyline class="lane-centre" points={line} />
        {spaces.map((space) => {
          const { length: l, depth: d } = SPACE_DIMENSIONS[space.sizeClass];
          return (
            <g
              key={space.id}
              class={`space space--${space.state}`}
              transform={`translate(${space.x} ${-space.y}) rotate(${-space.angle})`}
            >
              <rect x={-l / 2} y={-d / 2} width={l} height={d} rx={0.3} />
              <text y={0.55} text-anchor="middle">
                {space.code.replace(/^.*-/, '')}
              </text>
            </g>
          );
        })}
        {at && (
          <rect
            class="paint-picker-new"
            data-testid="paint-picker-new"
            x={-newLength / 2}
            y={-depth / 2}
            width={newLength}
            height={depth}
            transform={`translate(${at.x} ${-at.y}) rotate(${-heading})`}
          />
        )}
      </svg>
      <label class="field-label" for="paint-along">
        {t('paint.along', { metres: Math.round(chainage) })}
      </label>
      <input
        id="paint-along"
        type="range"
        class="paint-picker-range"
        data-testid="paint-along"
        min={0}
        max={Math.max(0, Math.round(length))}
        step={1}
        value={Math.round(chainage)}
        onInput={(event) => setChainage(Number(event.currentTarget.value))}
      />
      <p class="field-hint">{t('paint.pickerHint')}</p>
    </div>
  );
}
