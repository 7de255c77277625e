import { foldLane } from './fold-lane';
import { LandmarkMark } from './landmark-mark';
import { type Landmark, placeOnFold } from './landmarks';
import { type LanePoint, SIZE, SpaceShape } from './lane-svg';
import type { MapSpace } from './live-lane';

// The lane folded into rows for a narrow screen (geometry in fold-lane.ts). Pixels throughout:
// to scale along the lane, schematic across it, so every space is on screen and a thumb wide.
// Landmarks stand where people see them: door numbers and what is on the north side above the
// row, what is on the south side below it, entrances on the road.

const LABEL_PX = 20;
const STRIP_PX = 36;
const ROAD_PX = 18;
const GAP_PX = 8;
const MARK_R = 8;

export function FoldedLaneSvg(props: {
  geometry: LanePoint[];
  spaces: MapSpace[];
  landmarks: Landmark[];
  label: string;
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
  const belowTop = rightTop + (folded.sides.right ? STRIP_PX : 0);
  const below = props.landmarks.some((l) => l.side === -1) ? LABEL_PX : 0;
  const rowHeight = belowTop + below + GAP_PX;
  const roadEnd = props.width - folded.rowPad;
  const markY = (side: Landmark['side']) =>
    side === 1 ? LABEL_PX / 2 : side === 0 ? roadTop + ROAD_PX / 2 : belowTop + LABEL_PX / 2;
  return (
    <svg
      class="lane-svg lane-fold"
      data-testid="lane-svg"
      data-rows={folded.rows.length}
      viewBox={`0 0 ${props.width} ${rowHeight * folded.rows.length}`}
      width={props.width}
      height={rowHeight * folded.rows.length}
      role="group"
      aria-label={props.label}
    >
      {folded.rows.map((_, i) => (
        <g
          key={i}
          class="lane-row"
          data-testid="lane-row"
          transform={`translate(0 ${i * rowHeight})`}
          aria-hidden="true"
        >
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
      {props.landmarks.map((landmark) => {
        const at = placeOnFold(folded, landmark.chainage);
        return (
          <LandmarkMark
            key={landmark.id}
            landmark={landmark}
            x={at.x}
            y={at.row * rowHeight + markY(landmark.side)}
            radius={MARK_R}
          />
        );
      })}
      {folded.spaces.map((place) => {
        const space = byId.get(place.id)!;
        const top = place.row * rowHeight + (place.side === 1 ? leftTop : rightTop);
        return (
          <SpaceShape
            key={space.id}
            space={space}
            selected={props.selected}
            onSelect={props.onSelect}
            transform={`translate(${place.cx} ${top + STRIP_PX / 2})`}
            row={place.row}
            width={place.along - 2}
            height={STRIP_PX - 2}
            corner={3}
            textY={5}
          />
        );
      })}
    </svg>
  );
}
