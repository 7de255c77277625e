import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { afterCommit, type Tx } from '../database/transactions';

/**
 * A fact a feature announces once it is committed, e.g. `SpaceChanged`. Each feature declares its
 * events in `<feature>.events.ts` as classes with a static and an instance `type`; listeners
 * subscribe with `@OnEvent(SpaceChanged.type)`.
 */
export interface DomainEvent {
  readonly type: string;
}

@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  /** Publishes `event` after `tx` commits (at once without a transaction); never on rollback. */
  publish(tx: Tx | undefined, event: DomainEvent): void {
    afterCommit(tx, () => void this.emitter.emit(event.type, event));
  }
}
