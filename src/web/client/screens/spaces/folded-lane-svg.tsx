import { foldLane } from './fold-lane';
import { laneLabel, type LanePoint, SIZE, spaceClass, spaceNumber } from './lane-svg';
import type { MapSpace } from './live-lane';

// The lane folded into rows for a narrow screen (geometry in fold-lane.ts). Pixels throughout:
// to scale along the lane, schematic across it, so every space is on screen and a thumb wide.

const LABEL_PX = 16;
const STRIP_PX = 36;
const ROAD_PX = 16;
const GAP_PX = 10;

export function FoldedLaneSvg(props: {
  geometry: LanePoint[];
  spaces: MapSpace[];
  selected: string | null;
  onSelect: (id: string) => void;
  width: number;
}) {
  const byId = new Map(props.spaces.map((s) => [s.id, s]));
  const folded = foldLane(
    props.geometry,
    props.spaces.map((s) => {
      const [length, depth] = SIZE[s.sizeClass];
      return { id: s.id, x: s.x, y: s.y, angle: s.angle, length, depth };
    }),
    { width: props.width },
  );
  // Left of the direction of travel above the road, right below: as the unfolded map, west to east.
  const leftTop = LABEL_PX;
  const roadTop = leftTop + (folded.sides.left ? STRIP_PX : 0);
  const rightTop = roadTop + ROAD_PX;
  const rowHeight = rightTop + (folded.sides.right ? STRIP_PX : 0) + GAP_PX;
  const roadEnd = props.width - folded.rowPad;
  return (
    <svg
      class="lane-svg lane-fold"
      data-testid="lane-svg"
      data-rows={folded.rows.length}
      viewBox={`0 0 ${props.width} ${rowHeight * folded.rows.length}`}
      width={props.width}
      height={rowHeight * folded.rows.length}
      role="img"
      aria-label={laneLabel(props.spaces)}
    >
      {folded.rows.map((row, i) => (
        <g
          key={i}
          class="lane-row"
          data-testid="lane-row"
          transform={`translate(0 ${i * rowHeight})`}
        >
          <text class="lane-chainage" x={folded.rowPad} y={LABEL_PX - 4}>
            {formatMetres(row.from)}
          </text>
          <text class="lane-chainage" x={roadEnd} y={LABEL_PX - 4} text-anchor="end">
            {formatMetres(row.to)}
            {i < folded.rows.length - 1 ? ' ↵' : ''}
          </text>
          <rect
            class="lane-road-band"
            x={folded.rowPad}
            y={roadTop}
            width={roadEnd - folded.rowPad}
            height={ROAD_PX}
          />
          <line
            class="lane-centre"
            x1={folded.rowPad}
            x2={roadEnd}
            y1={roadTop + ROAD_PX / 2}
            y2={roadTop + ROAD_PX / 2}
          />
        </g>
      ))}
      {folded.spaces.map((place) => {
        const space = byId.get(place.id)!;
        const top = place.row * rowHeight + (place.side === 1 ? leftTop : rightTop);
        return (
          <g
            key={space.id}
            class={spaceClass(space, props.selected)}
            data-testid={`space-${space.code}`}
            data-state={space.state}
            data-row={place.row}
            transform={`translate(${place.cx} ${top + STRIP_PX / 2})`}
            onClick={() => props.onSelect(space.id)}
          >
            <rect
              x={-place.along / 2 + 1}
              y={-STRIP_PX / 2 + 1}
              width={place.along - 2}
              height={STRIP_PX - 2}
              rx={3}
            />
            <text y={5} text-anchor="middle">
              {spaceNumber(space)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function formatMetres(metres: number): string {
  return `${Math.round(metres)} m`;
}
