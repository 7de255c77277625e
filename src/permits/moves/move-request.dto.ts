import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { MoveAnswer } from '../../shared/live/permits';

export type { MoveAnswer };
export const MOVE_ANSWERS = [
  'coming',
  'in_ten_minutes',
  'cannot',
] as const satisfies readonly MoveAnswer[];

export class AskToMoveDto {
  @ApiProperty({ example: '京A·12345' }) @IsString() @Length(5, 20) plate!: string;
  @ApiPropertyOptional({ example: '挡住了19号院门口，请尽快挪车' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class AnswerMoveDto {
  @ApiProperty({ enum: MOVE_ANSWERS }) @IsIn(MOVE_ANSWERS) answer!: MoveAnswer;
}

export class MoveRequestView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The holder's own plate; masked for the asker" }) plate!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'Did I ask it (true) or am I asked (false)?' }) askedByMe!: boolean;
  @ApiProperty() askedAt!: Date;
  @ApiPropertyOptional({ enum: MOVE_ANSWERS, nullable: true }) answer!: MoveAnswer | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) answeredAt!: Date | null;
}
