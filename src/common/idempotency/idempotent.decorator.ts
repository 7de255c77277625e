import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from '../error-body';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A creating route that accepts an `Idempotency-Key` header: a retry with the same key (after a
 * lost response) gets the original response, with `Idempotent-Replayed: true`, instead of
 * creating twice or a 409. See docs/operations.md.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any 1–255 visible characters, new for each new request (a UUID): a retry with the same key and the same request returns the original response; kept 24 h',
    }),
    ApiResponse({
      status: 422,
      type: ErrorBody,
      description: 'idempotency.key_reused: this key was sent with a different request',
    }),
  );
}
