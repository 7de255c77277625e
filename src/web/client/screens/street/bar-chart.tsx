/**
 * A small bar chart drawn as inline SVG (no chart library, nothing from a CDN): where a screen
 * has more numbers than a phone reader can compare as text. Each bar carries its value as a
 * <title>, and the figure a text label for screen readers.
 */
export interface Bar {
  key: string;
  /** under the bar; empty for none */
  label: string;
  value: number;
  /** the number printed above the bar, when shown */
  shown?: boolean;
  highlight?: boolean;
}

const WIDTH = 340;
const AXIS = 20;

export function BarChart(props: {
  bars: Bar[];
  label: string;
  height?: number;
  /** the largest value the scale shows (e.g. the spaces of a lane); the largest bar otherwise */
  max?: number;
  testid?: string;
  unit?: string;
}) {
  const height = props.height ?? 140;
  const max = Math.max(1, props.max ?? 0, ...props.bars.map((b) => b.value));
  const slot = (WIDTH - 8) / Math.max(1, props.bars.length);
  const bar = Math.max(3, Math.min(36, slot * 0.7));
  const scale = (height - AXIS - 16) / max;
  return (
    <svg
      class="street-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={props.label}
      width="100%"
      data-testid={props.testid}
    >
      <line x1="4" x2={WIDTH - 4} y1={height - AXIS} y2={height - AXIS} stroke="#cfc8bd" />
      {props.bars.map((b, i) => {
        const x = 4 + i * slot + (slot - bar) / 2;
        const h = b.value * scale;
        const y = height - AXIS - h;
        return (
          <g key={b.key}>
            <rect
              x={x}
              y={y}
              width={bar}
              height={h}
              rx="2"
              fill={b.highlight ? '#c0392b' : '#8c6d5a'}
            >
              <title>
                {b.label} · {b.value}
                {props.unit ?? ''}
              </title>
            </rect>
            {b.shown && (
              <text x={x + bar / 2} y={y - 3} text-anchor="middle" font-size="11" fill="#1f2328">
                {b.value}
              </text>
            )}
            {b.label && (
              <text
                x={x + bar / 2}
                y={height - 6}
                text-anchor="middle"
                font-size="10"
                fill="#5f6670"
              >
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
