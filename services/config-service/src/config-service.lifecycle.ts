/**
 * The config-service's stop order inside Nest. Start is bootstrap's: connect NATS, load the event
 * store and the request ledger, serve the NATS endpoints, then HTTP. Stop: Nest closes HTTP and the
 * NATS endpoints first (requests in flight finish against the store), then this closes the event
 * store; bootstrap drains the connection last.
 */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from './config-service.tokens';

@Injectable()
export class ConfigServiceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** After HTTP and the NATS endpoints have stopped (unlike projection-service, whose runner stops before them): nothing can still read or append. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
