import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { AccessLiveListener } from './listeners/access.listener';
import { ConventionsLiveListener } from './listeners/conventions.listener';
import { PermitsLiveListener } from './listeners/permits.listener';
import { RostersLiveListener } from './listeners/rosters.listener';
import { SharingLiveListener } from './listeners/sharing.listener';
import { SpacesLiveListener } from './listeners/spaces.listener';
import { ViolationsLiveListener } from './listeners/violations.listener';
import { LiveEmitter } from './live-emitter';
import { LiveSessions } from './live-sessions';
import { LiveGateway } from './live.gateway';
import { LiveTopics } from './live-topics';

/** Each feature's listener: committed domain events in, typed pushes to rooms out. */
// prettier-ignore
const LISTENERS = [
  AccessLiveListener,
  ConventionsLiveListener,
  PermitsLiveListener,
  RostersLiveListener,
  SharingLiveListener,
  SpacesLiveListener,
  ViolationsLiveListener,
];

/**
 * The Socket.IO gateway and the listeners that turn committed domain events into pushes
 * (TokenService comes from the global AuthModule; MembersService re-reads a member at the
 * handshake). Features import it only to register their live topics.
 */
@Module({
  imports: [AssociationsModule],
  providers: [LiveGateway, LiveTopics, LiveEmitter, LiveSessions, ...LISTENERS],
  exports: [LiveTopics, LiveEmitter],
})
export class LiveModule {}
