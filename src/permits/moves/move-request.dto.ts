import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { MoveRequestResponse, PublicNotice, WindscreenNotice } from '../../shared/api/permits';
import { MOVE_ANSWERS, type MoveAnswer } from '../../shared/live/permits';

export { MOVE_ANSWERS, type MoveAnswer };

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

export class MoveRequestView implements MoveRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The holder's own plate; masked for the asker" }) plate!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'Did I ask it (true) or am I asked (false)?' }) askedByMe!: boolean;
  @ApiProperty() askedAt!: Date;
  @ApiPropertyOptional({ enum: MOVE_ANSWERS, nullable: true }) answer!: MoveAnswer | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) answeredAt!: Date | null;
  @ApiProperty({
    description: 'Asked by a windscreen notice: a plate the association does not know',
  })
  byNotice!: boolean;
}

/** The printable windscreen notice (挪车提示): its public page and a QR leading there. */
export class WindscreenNoticeView implements WindscreenNotice {
  @ApiProperty({
    description: 'The public page the driver opens; built from PUBLIC_URL or the request',
  })
  url!: string;
  @ApiProperty({ description: 'data:image/svg+xml QR of the url, to print' }) qr!: string;
  @ApiProperty() expiresAt!: Date;
}

export class AskedMoveView extends MoveRequestView {
  @ApiPropertyOptional({
    type: WindscreenNoticeView,
    description: 'Only for a plate the association does not know, and only in this answer',
  })
  notice?: WindscreenNoticeView;
}

/** What a passer-by's phone shows from the notice: no names, no phones, a masked plate. */
export class PublicNoticeView implements PublicNotice {
  @ApiProperty() associationName!: string;
  @ApiProperty({ example: '京A·***45' }) plate!: string;
  @ApiProperty() note!: string;
  @ApiProperty() askedAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiPropertyOptional({ enum: MOVE_ANSWERS, nullable: true }) answer!: MoveAnswer | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) answeredAt!: Date | null;
}
