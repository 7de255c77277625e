import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SWAP_STATUSES, type SwapStatus } from '../shift-swap.repository';

export class SwapView {
  @ApiProperty() id!: string;
  @ApiProperty() shiftId!: string;
  @ApiProperty() shiftName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: SWAP_STATUSES }) status!: SwapStatus;
  @ApiProperty() offeredById!: string;
  @ApiProperty() offeredByName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) takenById!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) takenByName!: string | null;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'Went through without the council, as the convention allows' })
  autoApproved!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedAt!: string | null;
}
