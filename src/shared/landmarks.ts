// The lane's landmarks as the server sends them and the client draws them (pure: both import it).

/**
 * What residents and wardens call places in the lane: a door number (门牌), the fire hydrant
 * (消防栓), an entrance (胡同口), the refuse point (垃圾收集点), anything else the council names
 * (老槐树), and the way to a shared car park (共享停车场).
 */
export const LANDMARK_KINDS = [
  'door',
  'hydrant',
  'entrance',
  'refuse',
  'landmark',
  'car_park',
] as const;
export type LandmarkKind = (typeof LANDMARK_KINDS)[number];

export interface LandmarkView {
  id: string;
  laneId: string;
  kind: LandmarkKind;
  /** As it is said: "12号", "西口（二龙路）", "老槐树", the car park's name. */
  label: string;
  /** Metres on the lane's schematic, as spaces. */
  x: number;
  y: number;
  /** Metres from the lane's first point along its centre line. */
  chainage: number;
  /** +1 left of the lane's direction (north on the demo lane), -1 right, 0 on the lane. */
  side: -1 | 0 | 1;
  /** car_park only: which car park, how to walk there from this point, and how long it takes. */
  carParkId: string | null;
  directions: string;
  walkMinutes: number | null;
  updatedAt: string;
}
