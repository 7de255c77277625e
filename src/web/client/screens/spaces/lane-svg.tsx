import type { LanePoint } from '../../../../shared/api/associations';
import { t } from '../../i18n';
import { LandmarkMark } from './landmark-mark';
import type { Landmark } from './landmarks';
import type { MapSpace } from './live-lane';

// The lane drawn from its schematic geometry (metres; y points north, so it is flipped for the
// screen), unfolded: used where the whole lane fits the screen at a tappable scale (see
// lane-view.tsx); elsewhere the folded drawing takes over. Spaces are painted rectangles,
// coloured by state.

const LANE_WIDTH_M = 6.5;
const PAD_M = 6;
/** Painted length and depth of a space, metres (as src/spaces/lane-geometry.ts paints them). */
export const SIZE: Record<MapSpace['sizeClass'], [number, number]> = {
  small: [4.5, 1.8],
  standard: [5.5, 2.2],
  large: [6.5, 2.5],
};

/** Metres from the lane's origin (src/shared/api/associations.ts). */
export type { LanePoint };

/** The drawing's box in metres, screen-oriented (y down), with room around the spaces. */
export function laneBox(geometry: LanePoint[], spaces: MapSpace[]) {
  const points = [...geometry, ...spaces];
  const minX = Math.min(...points.map((p) => p.x)) - PAD_M;
  const maxX = Math.max(...points.map((p) => p.x)) + PAD_M;
  const minY = Math.min(...points.map((p) => -p.y)) - PAD_M;
  const maxY = Math.max(...points.map((p) => -p.y)) + PAD_M;
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

export function LaneSvg(props: {
  geometry: LanePoint[];
  spaces: MapSpace[];
  landmarks: Landmark[];
  label: string;
  selected: string | null;
  onSelect: (id: string) => void;
  /** Pixels per metre. */
  scale: number;
}) {
  const { minX, minY, width, height } = laneBox(props.geometry, props.spaces);
  const line = props.geometry.map((p) => `${p.x},${-p.y}`).join(' ');
  return (
    <svg
      class="lane-svg"
      data-testid="lane-svg"
      viewBox={`${minX} ${minY} ${width} ${height}`}
      width={width * props.scale}
      height={height * props.scale}
      role="group"
      aria-label={props.label}
    >
      <polyline class="lane-road" points={line} stroke-width={LANE_WIDTH_M} aria-hidden="true" />
      <polyline class="lane-centre" points={line} aria-hidden="true" />
      {props.landmarks.map((landmark) => (
        <LandmarkMark
          key={landmark.id}
          landmark={landmark}
          x={landmark.x}
          y={-landmark.y}
          radius={1.2}
        />
      ))}
      {props.spaces.map((space) => {
        const [length, depth] = SIZE[space.sizeClass];
        return (
          <SpaceShape
            key={space.id}
            space={space}
            selected={props.selected}
            onSelect={props.onSelect}
            transform={`translate(${space.x} ${-space.y}) rotate(${-space.angle})`}
            width={length}
            height={depth}
            corner={0.3}
            textY={0.55}
          />
        );
      })}
    </svg>
  );
}

/**
 * A space on either drawing: tapped, or reached with Tab and opened with Enter or Space, and read
 * aloud as "XG-07，空闲".
 */
export function SpaceShape(props: {
  space: MapSpace;
  selected: string | null;
  onSelect: (id: string) => void;
  transform: string;
  width: number;
  height: number;
  corner: number;
  textY: number;
  row?: number;
}) {
  const { space } = props;
  // The number painted on the space is drawn beside the button, not in it, so what a screen
  // reader says ("XG-07，空闲") is the button's whole name.
  return (
    <g
      class={spaceClass(space, props.selected)}
      data-testid={`space-${space.code}`}
      data-state={space.state}
      data-row={props.row}
      transform={props.transform}
    >
      <g
        role="button"
        tabindex={0}
        aria-label={t('map.spaceLabel', { code: space.code, state: t(`map.state.${space.state}`) })}
        aria-pressed={props.selected === space.id}
        onClick={() => props.onSelect(space.id)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          props.onSelect(space.id);
        }}
      >
        <rect
          x={-props.width / 2}
          y={-props.height / 2}
          width={props.width}
          height={props.height}
          rx={props.corner}
        />
      </g>
      <text y={props.textY} text-anchor="middle" aria-hidden="true">
        {spaceNumber(space)}
      </text>
    </g>
  );
}

/** State colour, the selection ring and the resident's own car, as CSS classes. */
export function spaceClass(space: MapSpace, selected: string | null): string {
  return `space space--${space.state}${selected === space.id ? ' space--selected' : ''}${space.occupant?.mine ? ' space--mine' : ''}`;
}

/** What the drawing says to a screen reader: the counts the picture shows. */
export function laneLabel(spaces: MapSpace[]): string {
  const free = spaces.filter((space) => space.state === 'free').length;
  return t('map.svgLabel', { total: spaces.length, free });
}

/** "XG-07" is written "07" on the shape: the lane's prefix is in the title. */
export function spaceNumber(space: MapSpace): string {
  return space.code.replace(/^.*-/, '');
}
