import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ScopedPageQuery } from '../../common/pagination';

export class CreateHouseholdDto {
  @ApiProperty({ example: '下岗胡同19号' }) @IsString() @Length(1, 120) address!: string;
  @ApiPropertyOptional({
    description:
      "The lane it is registered in (eligibility, facing spaces); default: the association's only lane",
  })
  @IsOptional()
  @IsUUID()
  laneId?: string;
}

export class UpdateHouseholdDto extends CreateHouseholdDto {}

export class HouseholdQuery extends ScopedPageQuery {
  @ApiPropertyOptional({ description: 'Address contains' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  search?: string;
}
