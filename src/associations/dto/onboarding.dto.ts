import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** POST /api/associations: a car-owner association of one community of the caller's street. */
export class OnboardAssociationDto {
  @ApiProperty({ example: '砖塔车友会' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ example: '丰盛社区' }) @IsString() @Length(1, 60) community!: string;
}

/** POST /api/associations/:id/council: the association's first council member (理事). */
export class AddCouncilDto {
  @ApiProperty({ example: '钱桂兰' }) @IsString() @Length(1, 60) name!: string;

  @ApiProperty({ example: '13800000501' })
  @IsString()
  @Matches(/^1\d{10}$/, { context: { reason: 'field.phone' } })
  phone!: string;

  @ApiProperty({ description: '10+ characters, not a common one; they log in with it at once' })
  @IsString()
  @Length(1, 200)
  password!: string;
}
