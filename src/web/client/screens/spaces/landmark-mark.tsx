import { type Landmark, LANDMARK_MARK } from './landmarks';

/** A landmark on the map: a door's number as painted on the wall, else its roundel. */
export function LandmarkMark(props: { landmark: Landmark; x: number; y: number; radius: number }) {
  const { landmark, radius } = props;
  return (
    <g
      class={`landmark landmark--${landmark.kind}`}
      data-testid={`landmark-${landmark.kind}`}
      transform={`translate(${props.x} ${props.y})`}
      role="img"
      aria-label={landmark.label}
    >
      <title>{landmark.label}</title>
      {landmark.kind === 'door' ? (
        <text class="landmark-door" y={radius * 0.45} text-anchor="middle">
          {landmark.label}
        </text>
      ) : (
        <>
          <circle r={radius} />
          <text y={radius * 0.45} text-anchor="middle">
            {LANDMARK_MARK[landmark.kind]}
          </text>
        </>
      )}
    </g>
  );
}
