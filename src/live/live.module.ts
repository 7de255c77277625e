import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';
import { LiveGateway } from './live.gateway';
import { LiveTopics } from './live-topics';
import { ConventionsLiveListener } from './listeners/conventions.listener';
import { PermitsLiveListener } from './listeners/permits.listener';
import { RostersLiveListener } from './listeners/rosters.listener';
import { ViolationsLiveListener } from './listeners/violations.listener';

/** Each feature's listener: committed domain events in, typed pushes to rooms out. */
// prettier-ignore
const LISTENERS = [
  ConventionsLiveListener,
  PermitsLiveListener,
  RostersLiveListener,
  ViolationsLiveListener,
];

/** The Socket.IO gateway (TokenService comes from the global AuthModule). Features import it only to register their live topics. */
@Module({
  providers: [LiveGateway, LiveTopics, LiveEmitter, ...LISTENERS],
  exports: [LiveTopics, LiveEmitter],
})
export class LiveModule {}
