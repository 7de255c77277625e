import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators';
import { DomainError } from '../common/domain-error';
import type { ErrorBody } from '../common/error-body';
import { langOf, toErrorBody } from '../common/error.filter';
import { DatabaseProbeRepository } from './database-probe.repository';

type Health = { status: 'ok'; database: 'up' };
type Degraded = ErrorBody & { status: 'degraded'; database: 'down' };

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private databaseWasDown = false;

  constructor(private readonly database: DatabaseProbeRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({
    description:
      'The database does not answer: the usual error body (reason service.unavailable) with status "degraded"; the service recovers by itself when the database is back',
    schema: {
      example: {
        statusCode: 503,
        error: 'unavailable',
        reason: 'service.unavailable',
        message: '服务暂时不可用，请稍后再试',
        status: 'degraded',
        database: 'down',
      },
    },
  })
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Health | Degraded> {
    const up = await this.database.answers();
    if (up && this.databaseWasDown) this.logger.log('the database answers again');
    if (!up && !this.databaseWasDown) {
      this.logger.warn('the database does not answer: requests get 503 until it is back');
    }
    this.databaseWasDown = !up;
    if (up) return { status: 'ok', database: 'up' };
    void reply.status(503);
    const body = toErrorBody(new DomainError('service.unavailable'), langOf(request));
    return { ...body, status: 'degraded', database: 'down' };
  }
}
