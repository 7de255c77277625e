import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';
import { LiveGateway } from './live.gateway';
import { LiveTopics } from './live-topics';
import { PermitsLiveListener } from './listeners/permits.listener';
import { RostersLiveListener } from './listeners/rosters.listener';

/** Each feature's listener: committed domain events in, typed pushes to rooms out. */
const LISTENERS = [PermitsLiveListener, RostersLiveListener];

/** The Socket.IO gateway (TokenService comes from the global AuthModule). Features import it only to register their live topics. */
@Module({
  providers: [LiveGateway, LiveTopics, LiveEmitter, ...LISTENERS],
  exports: [LiveTopics, LiveEmitter],
})
export class LiveModule {}
