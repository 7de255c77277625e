import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint returns. */
export class ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'conflict' }) error!: string;
  @ApiProperty({ example: '车位已被占用 / space XG-07 is occupied by another vehicle' })
  message!: string;
  @ApiPropertyOptional({ description: 'Field errors or other structured detail' })
  details?: unknown;
}
