import type { MapSpace } from './live-lane';

// The lane drawn from its schematic geometry (metres; y points north, so it is flipped for the
// screen). Spaces are painted rectangles, coloured by state, big enough to tap at 10 px/m.

const PX_PER_M = 10;
const LANE_WIDTH_M = 6.5;
const SIZE: Record<MapSpace['sizeClass'], [number, number]> = {
  small: [4.5, 1.8],
  standard: [5.5, 2.2],
  large: [6.5, 2.5],
};

export interface LanePoint {
  x: number;
  y: number;
}

export function LaneSvg(props: {
  geometry: LanePoint[];
  spaces: MapSpace[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const points = [...props.geometry, ...props.spaces];
  const pad = 6;
  const minX = Math.min(...points.map((p) => p.x)) - pad;
  const maxX = Math.max(...points.map((p) => p.x)) + pad;
  const minY = Math.min(...points.map((p) => -p.y)) - pad;
  const maxY = Math.max(...points.map((p) => -p.y)) + pad;
  const width = maxX - minX;
  const height = maxY - minY;
  const line = props.geometry.map((p) => `${p.x},${-p.y}`).join(' ');
  return (
    <svg
      class="lane-svg"
      data-testid="lane-svg"
      viewBox={`${minX} ${minY} ${width} ${height}`}
      width={width * PX_PER_M}
      height={height * PX_PER_M}
      role="img"
    >
      <polyline class="lane-road" points={line} stroke-width={LANE_WIDTH_M} />
      <polyline class="lane-centre" points={line} />
      {props.spaces.map((space) => {
        const [length, depth] = SIZE[space.sizeClass];
        return (
          <g
            key={space.id}
            class={`space space--${space.state}${props.selected === space.id ? ' space--selected' : ''}${space.occupant?.mine ? ' space--mine' : ''}`}
            data-testid={`space-${space.code}`}
            data-state={space.state}
            transform={`translate(${space.x} ${-space.y}) rotate(${-space.angle})`}
            onClick={() => props.onSelect(space.id)}
          >
            <rect x={-length / 2} y={-depth / 2} width={length} height={depth} rx={0.3} />
            <text y={0.55} text-anchor="middle">
              {space.code.replace(/^.*-/, '')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
