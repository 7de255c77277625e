import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { LiveEventName, LivePayload } from '../shared/live';

/**
 * The only way out to the sockets: live listeners (src/live/listeners) turn a committed domain
 * event into typed pushes to rooms, on every instance through the Socket.IO adapter.
 */
@Injectable()
export class LiveEmitter {
  private namespace?: Namespace;

  /** Called by the gateway once the namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  emit<E extends LiveEventName>(
    to: string | string[],
    event: E,
    payload: LivePayload<E>,
    except: string[] = [],
  ): void {
    if (!this.namespace) return;
    let target = this.namespace.to(to);
    if (except.length > 0) target = target.except(except);
    target.emit(event, payload);
  }
}
