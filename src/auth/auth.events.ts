import type { DomainEvent } from '../common/domain-events';

/**
 * A member's access changed: logged out, deactivated, role or password changed. Published after
 * commit; open sockets of the member are re-authorized or dropped (src/live) so nothing is pushed
 * to a session that no longer holds.
 */
export class MemberAccessChanged implements DomainEvent {
  static readonly type = 'auth.member-access-changed';
  readonly type = MemberAccessChanged.type;

  constructor(
    readonly memberId: string,
    readonly change: 'logout' | 'deactivated' | 'role' | 'password' | 'grants',
  ) {}
}
