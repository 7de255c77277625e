import { ApiProperty } from '@nestjs/swagger';
import type { AssociationResponse, LanePoint, LaneResponse } from '../../shared/api/associations';

export class AssociationView implements AssociationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '4143车友会' }) name!: string;
  @ApiProperty({ example: '二龙路社区' }) community!: string;
  @ApiProperty({ example: '金融街街道' }) streetOffice!: string;
  @ApiProperty({
    example: 180,
    description:
      'Days permit scans and occupancy sessions are kept (those a violation rests on stay with it)',
  })
  whereaboutsDays!: number;
}

export class LanePointView implements LanePoint {
  @ApiProperty({ description: 'metres from the lane origin' }) x!: number;
  @ApiProperty() y!: number;
}

export class LaneView implements LaneResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty({ example: '下岗胡同' }) name!: string;
  @ApiProperty({
    type: [LanePointView],
    description: 'The lane centre line as a polyline in metres',
  })
  geometry!: LanePointView[];
}
