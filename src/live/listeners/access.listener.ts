import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MemberAccessChanged } from '../../auth/auth.events';
import { LiveSessions } from '../live-sessions';

/**
 * Sockets follow the account: when a member logs out, is deactivated, or has their role,
 * password or grants changed, their open sockets on every instance are closed. Each reconnects
 * through the handshake, which reads the member afresh (a deactivated one is refused; a demoted
 * warden comes back with a resident's rooms, without plates).
 */
@Injectable()
export class AccessLiveListener {
  constructor(private readonly sessions: LiveSessions) {}

  @OnEvent(MemberAccessChanged.type)
  accessChanged(event: MemberAccessChanged): void {
    this.sessions.endMember(event.memberId);
  }
}
