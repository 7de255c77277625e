import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssociationView } from './association.view';
import { HouseholdDetailView } from './household.view';
import { MemberView } from './member.view';
import type { MeResponse } from '../../shared/api/associations';

export class MeView implements MeResponse {
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiPropertyOptional({
    type: AssociationView,
    nullable: true,
    description: 'null for street-office staff, who belong to a street',
  })
  association!: AssociationView | null;
  @ApiPropertyOptional({ type: HouseholdDetailView, nullable: true })
  household!: HouseholdDetailView | null;
  @ApiProperty({
    example: '金融街街道',
    description: "The street office of the member's association, or the street staff's own",
  })
  streetOffice!: string;
}
