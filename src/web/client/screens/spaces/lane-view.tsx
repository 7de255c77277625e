import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fitsUnfolded } from './fold-lane';
import { FoldedLaneSvg } from './folded-lane-svg';
import { type LanePoint, LaneSvg, laneBox, SIZE } from './lane-svg';
import type { Landmark } from './landmarks';
import type { MapSpace } from './live-lane';

/**
 * The lane as wide as the screen: drawn as it lies when it fits at a scale a thumb can tap,
 * folded into rows when it does not (any phone, for a lane of 40 spaces). Never scrolls sideways.
 */
export function LaneView(props: {
  geometry: LanePoint[];
  spaces: MapSpace[];
  landmarks: Landmark[];
  /** What a screen reader says for the whole map. */
  label: string;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const extent = laneBox(props.geometry, props.spaces).width;
  // The true drawing is to scale both ways, so its narrowest side is the space's depth.
  const narrowest = Math.min(...props.spaces.map((s) => Math.min(...SIZE[s.sizeClass])));
  const unfolded = width !== null && fitsUnfolded(extent, narrowest, width);
  return (
    <div class="lane-scroll" ref={box}>
      {width !== null &&
        (unfolded ? (
          <LaneSvg {...props} scale={width / extent} />
        ) : (
          <FoldedLaneSvg {...props} width={width} />
        ))}
    </div>
  );
}
