import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint (and every socket ack) returns. */
export class ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'conflict', description: 'The coarse class of the refusal' })
  error!: string;
  @ApiProperty({
    example: 'space.occupied',
    description: 'A stable reason a program can act on; docs/api.md lists every one',
  })
  reason!: string;
  @ApiPropertyOptional({
    example: { code: 'XG-07' },
    description: 'The values the message was built from',
  })
  params?: Record<string, unknown>;
  @ApiProperty({
    example: '车位XG-07已被占用',
    description: 'The reason in the language of the request (Accept-Language: zh-CN or en)',
  })
  message!: string;
  @ApiPropertyOptional({ description: 'Field problems or other structured detail' })
  details?: unknown;
}
