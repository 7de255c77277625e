import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  LaneCounts,
  LaneSnapshot,
  MapSpace,
  RestrictionWindow,
  SpaceKind,
  SpaceOccupant,
  SpaceUpdate,
  StateCounts,
} from '../../shared/live/spaces';
import { SIZE_CLASSES, type SizeClass } from '../../shared/lane-geometry';
import { SPACE_STATES, type SpaceState } from '../space-state';

// The OpenAPI shapes of the shared live map types (src/shared/live/spaces.ts): `implements`
// keeps the two from drifting apart.

export class RestrictionView implements RestrictionWindow {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '07:00' }) from!: string;
  @ApiProperty({ example: '09:00' }) to!: string;
  @ApiPropertyOptional({ type: [Number], nullable: true }) days!: number[] | null;
  @ApiProperty({ example: '垃圾清运车通行' }) reason!: string;
}

export class OccupantView implements SpaceOccupant {
  @ApiProperty({ example: '京A·12345' }) plate!: string;
  @ApiProperty() since!: string;
  @ApiProperty({ description: 'A car not registered to a household of the association' })
  visitor!: boolean;
  @ApiProperty({ description: "The reader's own household's car" }) mine!: boolean;
}

export class StateCountsView implements StateCounts {
  @ApiProperty() free!: number;
  @ApiProperty() occupied!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() total!: number;
}

export class KindCountsView implements Record<SpaceKind, StateCounts> {
  @ApiProperty({ type: StateCountsView }) self_made!: StateCountsView;
  @ApiProperty({ type: StateCountsView }) shared!: StateCountsView;
}

export class LaneCountsView extends StateCountsView implements LaneCounts {
  @ApiProperty({ type: KindCountsView }) byKind!: KindCountsView;
}

/** A space as one reader may see it; plates only for staff and for the reader's own car. */
export class SpaceView implements MapSpace {
  @ApiProperty() id!: string;
  @ApiProperty() laneId!: string;
  @ApiProperty({ example: 'XG-07' }) code!: string;
  @ApiProperty({ description: 'Centre, metres on the lane schematic' }) x!: number;
  @ApiProperty() y!: number;
  @ApiProperty({ description: 'Degrees, counter-clockwise from the x axis' }) angle!: number;
  @ApiProperty({ enum: SIZE_CLASSES }) sizeClass!: SizeClass;
  @ApiProperty({ enum: ['self_made', 'shared'] }) kind!: SpaceKind;
  @ApiProperty({ enum: SPACE_STATES }) state!: SpaceState;
  @ApiProperty({ enum: ['pending', 'approved'] }) consent!: 'pending' | 'approved';
  @ApiPropertyOptional({ nullable: true }) closedReason!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Staff, or the household itself' })
  householdId!: string | null;
  @ApiProperty({ type: [RestrictionView] }) restrictions!: RestrictionView[];
  @ApiPropertyOptional({ nullable: true, description: 'The no-parking reason in force now' })
  restrictedNow!: string | null;
  @ApiPropertyOptional({ type: OccupantView, nullable: true }) occupant!: OccupantView | null;
}

export class LaneSpacesView implements LaneSnapshot {
  @ApiProperty() laneId!: string;
  @ApiProperty({ description: 'The live map sequence these spaces are at' }) seq!: number;
  @ApiProperty({ type: [SpaceView] }) spaces!: SpaceView[];
  @ApiProperty({ type: LaneCountsView }) counts!: LaneCountsView;
}

export class SpaceUpdateView implements SpaceUpdate {
  @ApiProperty() laneId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ type: SpaceView }) space!: SpaceView;
  @ApiProperty({ type: LaneCountsView }) counts!: LaneCountsView;
  @ApiPropertyOptional({ description: 'The space left the map (consent refused)' })
  removed?: boolean;
}
