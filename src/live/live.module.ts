import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';
import { LiveGateway } from './live.gateway';
import { LiveTopics } from './live-topics';
import { SharingLiveListener } from './listeners/sharing.listener';

/** The Socket.IO gateway (TokenService comes from the global AuthModule). Features import it only to register their live topics. */
@Module({
  providers: [LiveGateway, LiveTopics, LiveEmitter, SharingLiveListener],
  exports: [LiveTopics, LiveEmitter],
})
export class LiveModule {}
