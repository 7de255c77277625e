import { randomUUID } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../domain-error';
import { IdempotentRequests } from './idempotent-requests.service';
import { isIdempotencyKey, requestFingerprint } from './request-fingerprint';

/** Applied by `@Idempotent()`; requests without the header, or without a member, pass as before. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly requests: IdempotentRequests,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !request.actor) return next.handle();
    if (!isIdempotencyKey(key)) throw new DomainError('idempotency.key_invalid');

    const claim = {
      memberId: request.actor.memberId,
      route: `${request.method} ${request.routeOptions.url ?? request.url}`,
      key,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
    };
    const attempt = randomUUID();
    const replay = await this.requests.claimOrReplay(claim, attempt);
    if (replay) {
      void http.getResponse<FastifyReply>().header('idempotent-replayed', 'true');
      return of(replay.response);
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap(async (response: unknown) => {
        await this.requests.complete(claim, attempt, status, response);
        return response;
      }),
      catchError((error: unknown) =>
        from(this.requests.release(claim, attempt)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
