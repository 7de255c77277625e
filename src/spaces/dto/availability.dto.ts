import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { LaneCountsView } from './space.view';

const TIME_OR_INSTANT =
  /^(([01]\d|2[0-3]):[0-5]\d|\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))$/;
const TIME_OR_INSTANT_PROBLEM = { context: { reason: 'field.time_or_instant' } };

export class AvailabilityQuery {
  @ApiPropertyOptional({ example: '19:00', description: 'Start; now when absent' })
  @IsOptional()
  @Matches(TIME_OR_INSTANT, TIME_OR_INSTANT_PROBLEM)
  from?: string;

  @ApiPropertyOptional({
    example: '07:00',
    description: 'End; a time of day at or before `from` means the next day',
  })
  @IsOptional()
  @Matches(TIME_OR_INSTANT, TIME_OR_INSTANT_PROBLEM)
  to?: string;
}

export class AssociationAvailabilityQuery extends AvailabilityQuery {
  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

export class FreeSpaceView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['self_made', 'shared'] }) kind!: string;
}

export class LaneAvailabilityView {
  @ApiProperty() laneId!: string;
  @ApiProperty() laneName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: LaneCountsView, description: 'States right now' }) counts!: LaneCountsView;
  @ApiProperty({ description: 'Spaces a car can use for the whole window' }) freeInWindow!: number;
  @ApiProperty({ type: [FreeSpaceView] }) freeSpaces!: FreeSpaceView[];
}

export class AssociationAvailabilityView {
  @ApiProperty() associationId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() freeInWindow!: number;
  @ApiProperty({ type: LaneCountsView }) counts!: LaneCountsView;
  @ApiProperty({ type: [LaneAvailabilityView] }) lanes!: LaneAvailabilityView[];
}
