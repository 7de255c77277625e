import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssociationView } from './association.view';
import { HouseholdDetailView } from './household.view';
import { MemberView } from './member.view';

export class MeView {
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiProperty({ type: AssociationView }) association!: AssociationView;
  @ApiPropertyOptional({ type: HouseholdDetailView, nullable: true })
  household!: HouseholdDetailView | null;
}
