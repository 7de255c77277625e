import { useEffect, useState } from 'preact/hooks';
import type { LandmarkKind, LandmarkView } from '../../../../shared/landmarks';
import { apiFetch } from '../../api';

// The lane as people name it (door numbers, the hydrant, entrances, the refuse point, the
// council's landmarks, the way to shared car parks), drawn on both maps and listed under them.

export type { LandmarkKind, LandmarkView as Landmark } from '../../../../shared/landmarks';
export { placeOnFold } from './fold-lane';

/** One character in a roundel on the map, as the home tiles mark features; doors show their number. */
export const LANDMARK_MARK: Record<LandmarkKind, string> = {
  door: '门',
  hydrant: '消',
  entrance: '口',
  refuse: '垃',
  landmark: '标',
  car_park: 'P',
};

/**
 * The lane's landmarks; an empty list while loading or when they cannot be fetched (the map is
 * still the map). The service worker keeps the last answer for a phone with no network.
 */
export function useLandmarks(laneId: string | null): {
  landmarks: LandmarkView[];
  reload: () => void;
} {
  const [landmarks, setLandmarks] = useState<LandmarkView[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => setLandmarks([]), [laneId]);
  useEffect(() => {
    if (!laneId) return;
    let current = true;
    apiFetch<LandmarkView[]>(`/api/lanes/${laneId}/landmarks`)
      .then((found) => current && setLandmarks(found))
      .catch(() => undefined);
    return () => void (current = false);
  }, [laneId, version]);
  return { landmarks, reload: () => setVersion((n) => n + 1) };
}
