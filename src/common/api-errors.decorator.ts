import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/** The error responses every authenticated route can give, in the one error shape. */
export function ApiStandardErrors() {
  return applyDecorators(
    ApiBearerAuth(),
    ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input' }),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'Not logged in' }),
    ApiForbiddenResponse({ type: ErrorBody, description: 'Role or object not allowed' }),
    ApiNotFoundResponse({
      type: ErrorBody,
      description: 'Unknown, or belongs to another association',
    }),
  );
}
