import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class SetRetentionDto {
  @ApiProperty({
    minimum: 30,
    maximum: 3650,
    example: 180,
    description: 'Days permit scans and occupancy sessions are kept',
  })
  @IsInt()
  @Min(30)
  @Max(3650)
  whereaboutsDays!: number;
}
