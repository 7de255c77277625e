import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import type { Actor } from './actor';
import { IS_PUBLIC, ROLES_KEY } from './decorators';
import { ASSOCIATION_ROLES, type Role } from './role';
import { TokenService } from './token.service';

/**
 * Global: every route needs a valid token unless marked @Public(), and one of its @Roles() (without
 * one, an association role: street-office staff reach only routes that name them). The
 * token must still be the member's: logged out, deactivated, demoted or re-passworded members'
 * earlier tokens are refused within seconds (MemberAccessCheck).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError('auth.login_required');
    }
    const actor = await this.tokens.verifyCurrent(token);
    request.actor = actor;

    const roles =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets) ??
      ASSOCIATION_ROLES;
    if (!roles.includes(actor.role)) {
      throw new DomainError('role.forbidden', { role: actor.role });
    }
    return true;
  }
}
