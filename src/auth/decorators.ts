import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import { ROLES, type Role } from './role';

export const IS_PUBLIC = 'hutong:public';
export const ROLES_KEY = 'hutong:roles';

/** The few routes anyone may call without logging in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles allowed on a route; object-level checks still happen in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Every role, street-office staff included (logging out, oneself). A route without @Roles serves
 * the association roles only: street staff reach only what names them.
 */
export const AllRoles = () => SetMetadata(ROLES_KEY, [...ROLES]);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
