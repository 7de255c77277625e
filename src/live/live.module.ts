import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { AccessLiveListener } from './listeners/access.listener';
import { SpacesLiveListener } from './listeners/spaces.listener';
import { LiveEmitter } from './live-emitter';
import { LiveSessions } from './live-sessions';
import { LiveGateway } from './live.gateway';
import { LiveTopics } from './live-topics';

/**
 * The Socket.IO gateway and the listeners that turn committed domain events into pushes
 * (TokenService comes from the global AuthModule; MembersService re-reads a member at the
 * handshake). Features import it only to register their live topics.
 */
@Module({
  imports: [AssociationsModule],
  providers: [
    LiveGateway,
    LiveTopics,
    LiveEmitter,
    LiveSessions,
    AccessLiveListener,
    SpacesLiveListener,
  ],
  exports: [LiveTopics, LiveEmitter],
})
export class LiveModule {}
