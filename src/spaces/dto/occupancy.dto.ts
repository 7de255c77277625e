import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class CheckInDto {
  @ApiProperty({ example: '京A12345' }) @IsString() @Length(7, 12) plate!: string;

  @ApiPropertyOptional({
    description: "A resident checking in themselves: the token from the space's QR sticker",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{32}$/, { context: { reason: 'field.sticker' } })
  sticker?: string;
}
